using System.Collections.Immutable;

namespace RulesEngine.Reading;

/// <summary>A heading and everything under it until the next heading.</summary>
public readonly record struct Section(TokenRange Heading, TokenRange Body)
{
    public TokenRange Whole => new(Heading.Start, Body.End);
}

/// <summary>A block of running text; hard-wrapped lines are joined into one paragraph.</summary>
public readonly record struct Paragraph(TokenRange Tokens, int FirstLine, int LastLine);

public readonly record struct Sentence(TokenRange Tokens);

public readonly record struct ListItem(TokenRange Tokens, int Level);

/// <summary>A table cell; lists inside the cell (HTML or bullet lists) become its items.</summary>
public sealed record TableCell(TokenRange Tokens, int Column, ImmutableArray<ListItem> Items);

public sealed record TableRow(TokenRange Tokens, ImmutableArray<TableCell> Cells, bool IsHeader);

public sealed record Table(TokenRange Tokens, ImmutableArray<TableRow> Rows);

/// <summary>A description of an image (a signature, a logo) left by the PDF converter.</summary>
public sealed record Figure(int Start, int Length, string Description);
