namespace Jiceng.Modules.Dividends.Domain;

/// <summary>
/// Every refusal of the Dividends module, with its stable code, its zh-CN and en-US text and its details (a refusal
/// about one request field names it as <c>field</c>; one that breaks a local rule names the rule and the figure).
/// Partial: each area keeps its refusals in its own file (<c>DividendsErrors.&lt;Area&gt;.cs</c>), still one catalog.
/// </summary>
internal static partial class DividendsErrors;
