using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>A check-in's or check-out's evidence as sent: its kind, the code read at the place, a note.</summary>
internal sealed record AttendanceRequest(AttendanceEvidence? Evidence, string? Code, string? Note);

/// <summary>
/// Evidence rules shared by check-in and check-out: the code for SiteCode, who confirmed for ServedPerson (谁组织谁记录:
/// the record says how it was known).
/// </summary>
internal sealed class AttendanceRequestValidator : AbstractValidator<AttendanceRequest>
{
    public AttendanceRequestValidator()
    {
        RuleFor(r => r.Evidence).NotNull().IsInEnum();
        RuleFor(r => r.Code)
            .NotEmpty()
            .Matches("^[0-9]{6}$")
            .WithMessage(_ =>
                Localized.Text("请输入现场显示的 6 位动态码。", "Enter the six-digit code shown at the place.")
            )
            .When(r => r.Evidence == AttendanceEvidence.SiteCode);
        RuleFor(r => r.Note)
            .RequiredText()
            .When(r => r.Evidence == AttendanceEvidence.ServedPerson)
            .WithMessage(_ =>
                Localized.Text("请填写确认的服务对象（姓名或说明）。", "Say which served person confirmed it.")
            );
        RuleFor(r => r.Note).MaximumLength(200);
    }
}

internal static class Attendance
{
    /// <summary>Check-in opens an hour before the start: volunteers arrive before the activity begins.</summary>
    public static readonly TimeSpan OpensBefore = TimeSpan.FromHours(1);

    public static void EnsureCode(AttendanceRequest request, ActivityRow activity, DateTimeOffset now)
    {
        if (
            request.Evidence == AttendanceEvidence.SiteCode
            && !SiteCodes.Matches(activity.CodeSecret, request.Code, now)
        )
        {
            throw VolunteeringErrors.SiteCodeWrong();
        }
    }

    public static string? Note(AttendanceRequest request) =>
        string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
}
