using System.Linq.Expressions;
using NRules.Extensibility;

namespace Eligibility.Rules.Execution;

/// <summary>
/// Compiles rule expressions for the interpreter instead of to IL: compiling the rules drops from about a hundred
/// milliseconds to a few, and each evaluation costs somewhat more. For a process that answers one question and exits
/// (the command-line tool), not for a service.
/// </summary>
internal sealed class InterpretingExpressionCompiler : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate => expression.Compile(preferInterpretation: true);
}
