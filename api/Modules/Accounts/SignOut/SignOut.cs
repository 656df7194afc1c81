using Mediator;

namespace Jiceng.Modules.Accounts.SignOut;

/// <summary>Ends this session (audited; the cookie is removed by the endpoint).</summary>
internal sealed record SignOutCommand : ICommand;

internal sealed class SignOutHandler : ICommandHandler<SignOutCommand>
{
    public ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}
