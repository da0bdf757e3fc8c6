using System.Collections.Immutable;
using RulesEngine.Diagnostics;

namespace RulesEngine.Language.Model;

/// <summary>A value in an action or an example's expectation.</summary>
public abstract record Expr(SourceLocation Location);

public sealed record LiteralExpr(object Value, SourceLocation Location) : Expr(Location);

public sealed record ObjectExpr(ImmutableArray<FieldExpr> Fields, SourceLocation Location) : Expr(Location);

public sealed record FieldExpr(string Name, Expr Value, SourceLocation Location);

public sealed record ListExpr(ImmutableArray<Expr> Items, SourceLocation Location) : Expr(Location);

/// <summary>A conversion such as `date(d)` or `title(name)`.</summary>
public sealed record CallExpr(string Function, ImmutableArray<Expr> Arguments, SourceLocation Location) : Expr(Location)
{
    /// <summary>Parts taken from the value, in order: `value(c).code` has `code`.</summary>
    public ImmutableArray<string> Members { get; init; } = [];
}

public sealed record CaptureExpr(string Name, SourceLocation Location) : Expr(Location);
