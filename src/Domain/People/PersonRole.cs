namespace WorkSights.Domain.People;

public enum PersonRole
{
    Member = 1,
    Manager = 2,
    Executive = 3,
    TechnicalAdmin = 4,
    Owner = 5,
}
