namespace WorkSights.Application.Common.Interfaces;

/// <summary>Wakes the job that erases deleted workspaces' rows now instead of at its next round.</summary>
public interface IWorkspaceErasureSignal
{
    void Wake();
}
