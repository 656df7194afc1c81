using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ConfirmPayout;

/// A payout handed over, confirmed once: the payee's signature and fingerprint on the printed 签领表 (reference: the
/// sheet and line), a proxy with a written authorization, or the bank's transfer reference.
internal sealed record ConfirmPayoutRequest(
    ConfirmationMethod? Method,
    DateOnly? PaidOn,
    string? Reference,
    string? ProxyName,
    string? ProxyAuthorization
);

internal sealed record ConfirmPayoutCommand(Guid Id, long ExpectedVersion, ConfirmPayoutRequest Body)
    : ICommand<PayoutView>;

internal sealed class ConfirmPayoutValidator : AbstractValidator<ConfirmPayoutCommand>
{
    public ConfirmPayoutValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Method).NotNull().IsInEnum();
        RuleFor(c => c.Body.PaidOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.Reference).RequiredText().MaximumLength(100);
        RuleFor(c => c.Body.ProxyName).MaximumLength(50);
        RuleFor(c => c.Body.ProxyAuthorization).MaximumLength(100);
    }
}

internal sealed class ConfirmPayoutHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<ConfirmPayoutCommand, PayoutView>
{
    // One statement: of any number of confirmations of one payout, exactly one finds it unpaid.
    private const string ConfirmSql = """
        UPDATE dividend_payouts SET status = 'Paid', method = @method, paid_on = @paidOn, reference = @reference,
            proxy_name = @proxyName, proxy_authorization = @proxyAuthorization, recorded_by_name = @by,
            recorded_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND status = 'Unpaid' AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PayoutView> Handle(ConfirmPayoutCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var proxy = body.Method == ConfirmationMethod.Proxy;
        if (proxy && (string.IsNullOrWhiteSpace(body.ProxyName) || string.IsNullOrWhiteSpace(body.ProxyAuthorization)))
        {
            throw DividendsErrors.PayoutProxyAuthorizationRequired();
        }
        var updated = await db.ExecuteAsync(
            ConfirmSql,
            new
            {
                id = command.Id,
                version = command.ExpectedVersion,
                method = body.Method!.Value.ToString(),
                paidOn = body.PaidOn!.Value,
                reference = body.Reference!.Trim(),
                proxyName = proxy ? body.ProxyName!.Trim() : null,
                proxyAuthorization = proxy ? body.ProxyAuthorization!.Trim() : null,
                by = callers.Current.ShownName,
                now = clock.GetUtcNow(),
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        var current = await Payouts.FindAsync(db, scope, command.Id, cancellationToken);
        if (updated == 0)
        {
            throw current.Version != command.ExpectedVersion ? new PreconditionFailedException()
            : current.Status == PayoutStatus.Paid ? DividendsErrors.PayoutAlreadyConfirmed()
            : DividendsErrors.PayoutNotUnpaid(current.Status.ToString());
        }
        return current.View();
    }
}
