using FluentValidation;

namespace Jiceng.Infrastructure.Mediation;

public static class ValidationExtensions
{
    /// <summary>Reports a rule under a JSON field name, both as the error key and in the message text.</summary>
    public static IRuleBuilderOptions<T, TProperty> Field<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string field) =>
        rule.OverridePropertyName(field).WithName(field);
}
