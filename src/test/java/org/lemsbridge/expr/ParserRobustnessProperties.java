package org.lemsbridge.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary text either parses or fails with an ExprSyntaxException carrying a column inside (or just after) it. */
class ParserRobustnessProperties {

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> pieces = Arbitraries.of("a", "x1", "e", "E", "scale", "1", "2.5", "1e-3", ".5", "(", ")", "+",
                "-", "*", "/", "^", "**", " ", ".gt.", ".and.", ".eq.", ".not.", "<", ">=", "==", "&", "|", "~", ",",
                "exp", "H", "Abs", "Min", "Piecewise", "True", "Eq", "sum", "%", ".", "e-2", "=");
        return pieces.list().ofMaxSize(25).map(list -> String.join("", list));
    }

    @Property(tries = 3000)
    void lemsParserFailsOnlyWithSyntaxErrors(@ForAll("junk") String text) {
        try {
            Expr e = LemsParser.parse(text);
            assertTrue(Exprs.depth(e) <= ParseLimits.MAX_TREE_DEPTH);
        } catch (ExprSyntaxException ex) {
            assertTrue(ex.column() >= 1 && ex.column() <= text.length() + 1, ex.column() + " in '" + text + "'");
        }
    }

    @Property(tries = 3000)
    void sympyParserFailsOnlyWithSyntaxErrors(@ForAll("junk") String text) {
        try {
            Expr e = SympyParser.parse(text);
            assertTrue(Exprs.depth(e) <= ParseLimits.MAX_TREE_DEPTH);
        } catch (ExprSyntaxException ex) {
            assertTrue(ex.column() >= 1 && ex.column() <= text.length() + 1, ex.column() + " in '" + text + "'");
        }
    }
}
