using FluentValidation;
using FluentValidation.Validators;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Infrastructure.Mediation;

public static class ValidationExtensions
{
    /// <summary>
    /// Reports a rule under a JSON field name (the error key); its message names the field by its display name
    /// (<see cref="FieldNames"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> Field<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule,
        string field
    ) => rule.OverridePropertyName(field).WithName(_ => FieldNames.Find(typeof(T), field)?.Text ?? field);

    /// <summary>
    /// Required text: at least <paramref name="minimumLength"/> visible characters once whitespace and invisible
    /// characters (zero-width space, BOM, …) are trimmed from both ends (<see cref="VisibleText"/>). Use it in place
    /// of NotEmpty/Length on every string a person must fill in; bodies arrive trimmed already, but spreadsheet
    /// cells, query strings and messages sent from code need not.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(
        this IRuleBuilder<T, string?> rule,
        int minimumLength = 1
    ) =>
        rule.SetValidator(new RequiredTextValidator<T>(minimumLength))
            .WithMessage(_ =>
                minimumLength <= 1
                    ? ValidatorOptions.Global.LanguageManager.GetString("NotEmptyValidator")
                    : Localized.Text(
                        $"{{PropertyName}}至少须有 {minimumLength} 个可见字符。",
                        $"{{PropertyName}} must have at least {minimumLength} visible characters."
                    )
            );
}

/// <summary>
/// The check behind <see cref="ValidationExtensions.RequiredText"/>, a named validator rather than a predicate so the
/// OpenAPI document can read it as "required, at least <see cref="MinimumLength"/> characters".
/// </summary>
public sealed class RequiredTextValidator<T>(int minimumLength) : PropertyValidator<T, string?>
{
    public int MinimumLength => minimumLength;

    public override string Name => "RequiredTextValidator";

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        VisibleText.Trim(value).Length >= minimumLength;
}
