namespace WorkSights.Web.Pages.Onboarding;

/// <summary>
/// The steps of signing up, as the sign-up page lists them and each page of the flow labels itself ("Step 2 of 4").
/// Reviewing the imported people afterwards is ordinary use of User Provisioning, not a step.
/// </summary>
public static class OnboardingSteps
{
    public static readonly IReadOnlyList<string> Names = ["Sign in", "Approve access", "Workspace ready", "Company details"];

    public static string Label(int number) => $"Step {number} of {Names.Count}: {Names[number - 1]}";
}
