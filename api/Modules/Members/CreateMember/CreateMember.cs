using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.CreateMember;

internal sealed record CreateMemberCommand(CreateMemberRequest Body) : ICommand<MemberResponse>, IRegistersMember;

internal sealed class CreateMemberValidator : AbstractValidator<CreateMemberCommand>
{
    public CreateMemberValidator(TimeProvider clock) => Include(new MemberRegistrationValidator(clock));
}

internal sealed class CreateMemberHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    CallerAccessor callers,
    PersonalDataProtector protector,
    RegisteredElsewhereAnswers elsewhere,
    TimeProvider clock
) : ICommandHandler<CreateMemberCommand, MemberResponse>
{
    public async ValueTask<MemberResponse> Handle(CreateMemberCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization =
            await organizations.FindWithinAsync(body.OrganizationId!.Value, scope, cancellationToken)
            ?? throw MemberErrors.OrganizationNotFound();
        var idNumber = ProtectedIdNumber.Normalize(body.IdNumber!);
        await elsewhere.EnsureWithinLimitAsync(scope, cancellationToken);
        var pipelineRules = await rules.MemberPipelineRulesAsync(organization.Id, cancellationToken);
        PipelineSteps.EnsureMayOverride(callers.Current, body.Override);
        if (
            body.Override is null
            && PipelineIntervals
                .BrokenBy(
                    body.AppliedOn,
                    body.ActivistOn,
                    body.CandidateOn,
                    body.JoinedOn,
                    body.FullMemberOn,
                    pipelineRules
                )
                .FirstOrDefault()
                is { } broken
        )
        {
            throw broken.Refusal();
        }
        if (body.AppliedOn is { } appliedOn)
        {
            // Age at application is a rule of the region's set (18 under the Party Constitution).
            var minimumAge = pipelineRules.ApplicantMinAge;
            var earliest = ChineseIdNumber.BirthDate(idNumber)!.Value.AddYears(minimumAge.Value);
            if (appliedOn < earliest)
            {
                throw MemberErrors.TooYoungToApply(earliest, minimumAge);
            }
        }
        var id = Guid.CreateVersion7();
        var parameters = MemberRegistration.InsertParameters(
            id,
            organization,
            body,
            idNumber,
            protector,
            clock.GetUtcNow()
        );
        // A unique-index violation means someone registered the person in the same instant: no scope is read then.
        var inserted = await db.ExecuteOrConflictAsync(
            MemberRegistration.InsertSql,
            parameters,
            MemberErrors.Exists,
            cancellationToken
        );
        if (inserted == 0)
        {
            throw await elsewhere.RefusalAsync(
                scope,
                protector.BlindIndex(idNumber),
                idNumber,
                organization.Id,
                "CreateMember",
                cancellationToken
            );
        }
        if (body.AppliedOn is { } applied && body.Stage == MemberStage.Applicant)
        {
            await PipelineSteps.RecordAsync(
                db,
                id,
                PipelineStep.Application,
                applied,
                new { talkOn = body.TalkOn },
                null,
                callers.Current.Id,
                clock.GetUtcNow(),
                cancellationToken
            );
        }
        var row = await MemberRecords.FindAsync(db, scope, id, cancellationToken);
        return await MemberRecords.RespondAsync(row, organizations, rules, clock.Today(), cancellationToken);
    }
}
