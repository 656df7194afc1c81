using FluentValidation.Resources;

namespace Jiceng.Infrastructure.Mediation;

/// <summary>
/// FluentValidation's messages reworded to read as a sentence about a named field: the stock ones quote the name
/// ("'level' 不能为空。") and mix in words such as "Null". Keys the house does not use keep the stock texts.
/// </summary>
internal sealed class ValidationLanguage : LanguageManager
{
    private static readonly (string Key, string Chinese, string English)[] Texts =
    [
        ("NotEmptyValidator", "{PropertyName}不能为空。", "{PropertyName} must not be empty."),
        ("NotNullValidator", "{PropertyName}不能为空。", "{PropertyName} is required."),
        ("EmptyValidator", "{PropertyName}须留空。", "{PropertyName} must be left empty."),
        ("NullValidator", "{PropertyName}须留空。", "{PropertyName} must be left empty."),
        ("PredicateValidator", "{PropertyName}不符合要求。", "{PropertyName} is not valid."),
        ("AsyncPredicateValidator", "{PropertyName}不符合要求。", "{PropertyName} is not valid."),
        ("RegularExpressionValidator", "{PropertyName}的格式不正确。", "{PropertyName} is not in the correct format."),
        ("EnumValidator", "{PropertyName}不是可选的值。", "{PropertyName} is not one of the allowed values."),
        ("EmailValidator", "{PropertyName}不是有效的电子邮件地址。", "{PropertyName} is not a valid email address."),
        ("EqualValidator", "{PropertyName}应等于 {ComparisonValue}。", "{PropertyName} must be {ComparisonValue}."),
        (
            "NotEqualValidator",
            "{PropertyName}不能等于 {ComparisonValue}。",
            "{PropertyName} must not be {ComparisonValue}."
        ),
        (
            "GreaterThanValidator",
            "{PropertyName}须大于 {ComparisonValue}。",
            "{PropertyName} must be greater than {ComparisonValue}."
        ),
        (
            "GreaterThanOrEqualValidator",
            "{PropertyName}不能小于 {ComparisonValue}。",
            "{PropertyName} must not be less than {ComparisonValue}."
        ),
        (
            "LessThanValidator",
            "{PropertyName}须小于 {ComparisonValue}。",
            "{PropertyName} must be less than {ComparisonValue}."
        ),
        (
            "LessThanOrEqualValidator",
            "{PropertyName}不能大于 {ComparisonValue}。",
            "{PropertyName} must not be greater than {ComparisonValue}."
        ),
        (
            "InclusiveBetweenValidator",
            "{PropertyName}应在 {From} 至 {To} 之间，填写的是 {PropertyValue}。",
            "{PropertyName} must be between {From} and {To}; you entered {PropertyValue}."
        ),
        (
            "ExclusiveBetweenValidator",
            "{PropertyName}应大于 {From} 且小于 {To}，填写的是 {PropertyValue}。",
            "{PropertyName} must be more than {From} and less than {To}; you entered {PropertyValue}."
        ),
        (
            "LengthValidator",
            "{PropertyName}应为 {MinLength} 至 {MaxLength} 个字符，填写了 {TotalLength} 个。",
            "{PropertyName} must be {MinLength} to {MaxLength} characters; you entered {TotalLength}."
        ),
        (
            "MinimumLengthValidator",
            "{PropertyName}至少须有 {MinLength} 个字符，填写了 {TotalLength} 个。",
            "{PropertyName} must be at least {MinLength} characters; you entered {TotalLength}."
        ),
        (
            "MaximumLengthValidator",
            "{PropertyName}最多 {MaxLength} 个字符，填写了 {TotalLength} 个。",
            "{PropertyName} must be at most {MaxLength} characters; you entered {TotalLength}."
        ),
        (
            "ExactLengthValidator",
            "{PropertyName}应为 {MaxLength} 个字符，填写了 {TotalLength} 个。",
            "{PropertyName} must be {MaxLength} characters; you entered {TotalLength}."
        ),
        (
            "Length_Simple",
            "{PropertyName}应为 {MinLength} 至 {MaxLength} 个字符。",
            "{PropertyName} must be {MinLength} to {MaxLength} characters."
        ),
        (
            "MinimumLength_Simple",
            "{PropertyName}至少须有 {MinLength} 个字符。",
            "{PropertyName} must be at least {MinLength} characters."
        ),
        (
            "MaximumLength_Simple",
            "{PropertyName}最多 {MaxLength} 个字符。",
            "{PropertyName} must be at most {MaxLength} characters."
        ),
        (
            "ExactLength_Simple",
            "{PropertyName}应为 {MaxLength} 个字符。",
            "{PropertyName} must be {MaxLength} characters."
        ),
    ];

    public ValidationLanguage()
    {
        Enabled = true;
        foreach (var (key, chinese, english) in Texts)
        {
            foreach (var culture in (string[])["zh-CN", "zh-Hans", "zh"])
            {
                AddTranslation(culture, key, chinese);
            }
            foreach (var culture in (string[])["en-US", "en"])
            {
                AddTranslation(culture, key, english);
            }
        }
    }
}
