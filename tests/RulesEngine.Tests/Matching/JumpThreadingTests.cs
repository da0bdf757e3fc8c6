using RulesEngine.Matching;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Matching;

/// <summary>
/// A jump is never a VM step of its own where the compiler can see where it leads: splits and
/// jumps point past jumps, and a thread that consumes goes on past the jumps after it.
/// </summary>
public class JumpThreadingTests
{
    [Fact]
    public void NoSplitJumpOrConsumingStep_LeadsOntoAJump()
    {
        var passed = 0;
        foreach (var rule in Support.Pack.Program.Rules)
        {
            var code = rule.Program.Code;
            for (var pc = 0; pc < code.Length; pc++)
            {
                int[] next = code[pc].Op switch
                {
                    OpCode.Split => [code[pc].A, code[pc].B],
                    OpCode.Jump => [code[pc].A],
                    OpCode.Test or OpCode.Lexicon or OpCode.Annotation => [rule.Program.Continuations[pc]],
                    _ => [],
                };
                foreach (var target in next) Assert.NotEqual(OpCode.Jump, code[target].Op);
                // Where pc + 1 is a jump, a consuming step skips it.
                if (code[pc].Op is OpCode.Test or OpCode.Lexicon or OpCode.Annotation && code[pc + 1].Op == OpCode.Jump) passed++;
            }
        }
        Assert.True(passed > 10, $"only {passed} consuming steps followed by a jump in the pack");
    }

    [Fact]
    public void AlternativesAndLoops_MatchAsBefore_InFewerSteps()
    {
        const string rule = """
            rule r
              match ("the" "local" "authority" | "the" "council" | "it") ("is" | "was")+ ("good" | "adequate" "overall")
              emit hits[] = "x"
            """;
        var document = LetterReader.Read("letter", "The council is good. It was was adequate overall. The local authority is good.");
        var result = DocumentMatcher.Run(Rules.Compile(rule), document, null, out var steps);
        Assert.Equal("""{"hits":["x","x","x"]}""", result.Record.ToJson());
        // 52 steps when each jump was one, 47 now.
        Assert.InRange(steps, 1, 51);
    }
}
