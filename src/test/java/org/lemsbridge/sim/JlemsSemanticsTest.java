package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.testing.DatFiles;

/**
 * Pins the rules of lems-semantics.md §10 with tiny models written for these tests; every expected number is
 * worked out by hand in the comments.
 */
class JlemsSemanticsTest {

    @TempDir
    Path out;

    private static final String SEC = "<Constant name=\"SEC\" dimension=\"time\" value=\"1s\"/>";

    private static float f(double x) {
        return (float) x;
    }

    private static void assertRow(List<double[]> rows, int row, double... expected) {
        for (int c = 0; c < expected.length; c++) {
            assertEquals(f(expected[c]), (float) rows.get(row)[c + 1], "row " + row + " column " + (c + 1));
        }
    }

    @Test
    void rowsAreRoundedStepCountPlusOneAndTimeIsTheAccumulatedEndOfStepTime() throws IOException {
        String body = """
                <ComponentType name="Clock">
                  %s
                  <Dynamics>
                    <StateVariable name="x" dimension="none"/>
                    <StateVariable name="late" dimension="none"/>
                    <TimeDerivative variable="x" value="t / SEC"/>
                    <OnCondition test="t .geq. SEC"><StateAssignment variable="late" value="1"/></OnCondition>
                  </Dynamics>
                </ComponentType>
                <Clock id="c"/>
                """.formatted(SEC);
        List<double[]> rows = TinyModel.run(out, body, "c", "1.15s", "0.1s", "x", "late");
        // 1.15 / 0.1 = 11.499999999999998, rounded 11 steps -> 12 rows
        assertEquals(12, rows.size());
        // step k uses t_k (end of step): x1 = 0.1 * 0.1, x2 = x1 + 0.1 * 0.2 (start-of-step time would give 0, 0.01)
        assertRow(rows, 0, 0.0, 0.0);
        assertRow(rows, 1, 0.1 * 0.1, 0.0);
        assertRow(rows, 2, 0.1 * 0.1 + 0.1 * 0.2, 0.0);
        // accumulated t after 10 steps is 0.9999999999999999 < 1 (10 * 0.1 would be 1.0): fires only at step 11
        assertRow(rows, 10, rows.get(10)[1], 0.0);
        assertRow(rows, 11, rows.get(11)[1], 1.0);
    }

    @Test
    void outputIsFloatTextWithATabAfterEveryField() throws IOException {
        String body = """
                <ComponentType name="Const">
                  <Dynamics><StateVariable name="x" dimension="none"/>
                    <OnStart><StateAssignment variable="x" value="-0.07"/></OnStart></Dynamics>
                </ComponentType>
                <Const id="c"/>
                """;
        TinyModel.run(out, body, "c", "0.01ms", "0.005ms", "x");
        assertEquals("0.0\t-0.07\t\n5.0E-6\t-0.07\t\n1.0E-5\t-0.07\t\n", TinyModel.text(out.resolve("out.dat")));
        String sidecar = TinyModel.text(out.resolve("out.dat.json"));
        assertTrue(sidecar.contains("{\"name\":\"c0\",\"quantity\":\"x\",\"unit\":\"1\"}"), sidecar);
        assertTrue(sidecar.contains("\"rows\":3"), sidecar);
    }

    @Test
    void derivedVariablesRunInDocumentOrderWithConditionalOnesLast() throws IOException {
        String body = """
                <ComponentType name="Order">
                  <Parameter name="p" dimension="none"/>
                  %s
                  <Dynamics>
                    <ConditionalDerivedVariable name="c" dimension="none">
                      <Case condition="t .gt. 0" value="t / SEC"/>
                      <Case value="0"/>
                    </ConditionalDerivedVariable>
                    <DerivedVariable name="w" dimension="none" value="c"/>
                    <DerivedVariable name="y" dimension="none" value="2 * x"/>
                    <DerivedVariable name="x" dimension="none" value="t / SEC + p"/>
                  </Dynamics>
                </ComponentType>
                <Order id="o" p="1"/>
                """.formatted(SEC);
        List<double[]> rows = TinyModel.run(out, body, "o", "2ms", "1ms", "y", "x", "w", "c");
        // init: pass 1 has no derived values; pass 2: y = 2*0, x = 1; pass 3: y = 2*1 = 2, x = 1
        assertRow(rows, 0, 2.0, 1.0, 0.0, 0.0);
        // y uses x of the previous step; w uses the CDV c of the previous step
        assertRow(rows, 1, 2.0, 1.001, 0.0, 0.001);
        assertRow(rows, 2, 2.002, 1.002, 0.001, 0.002);
    }

    @Test
    void mainEulerStepIsSimultaneousButRegimeRatesAreSequential() throws IOException {
        String main = """
                <ComponentType name="Pair">
                  %s
                  <Dynamics>
                    <StateVariable name="x" dimension="none"/>
                    <StateVariable name="y" dimension="none"/>
                    <TimeDerivative variable="x" value="y / SEC"/>
                    <TimeDerivative variable="y" value="x / SEC"/>
                    <OnStart><StateAssignment variable="x" value="1"/><StateAssignment variable="y" value="1"/></OnStart>
                  </Dynamics>
                </ComponentType>
                <Pair id="p"/>
                """.formatted(SEC);
        List<double[]> rows = TinyModel.run(out, main, "p", "1s", "0.5s", "x", "y");
        assertRow(rows, 1, 1.5, 1.5);
        assertRow(rows, 2, 2.25, 2.25);

        String regime = """
                <ComponentType name="Pair">
                  %s
                  <Dynamics>
                    <StateVariable name="x" dimension="none"/>
                    <StateVariable name="y" dimension="none"/>
                    <OnStart><StateAssignment variable="x" value="1"/><StateAssignment variable="y" value="1"/></OnStart>
                    <Regime name="only" initial="true">
                      <TimeDerivative variable="x" value="y / SEC"/>
                      <TimeDerivative variable="y" value="x / SEC"/>
                    </Regime>
                  </Dynamics>
                </ComponentType>
                <Pair id="p"/>
                """.formatted(SEC);
        rows = TinyModel.run(out, regime, "p", "1s", "0.5s", "x", "y");
        // x1 = 1 + 0.5*1 = 1.5, y1 = 1 + 0.5*1.5 = 1.75, x2 = 1.5 + 0.5*1.75 = 2.375, y2 = 1.75 + 0.5*2.375
        assertRow(rows, 1, 1.5, 1.75);
        assertRow(rows, 2, 2.375, 2.9375);
    }

    @Test
    void onConditionsAreLevelTriggeredSequentialAndSkippedAtInitialization() throws IOException {
        String body = """
                <ComponentType name="Cond">
                  <Dynamics>
                    <StateVariable name="n" dimension="none"/>
                    <StateVariable name="c" dimension="none"/>
                    <StateVariable name="d" dimension="none"/>
                    <StateVariable name="e" dimension="none"/>
                    <OnStart><StateAssignment variable="c" value="1"/></OnStart>
                    <OnCondition test="t .geq. 0">
                      <StateAssignment variable="n" value="n + 1"/>
                      <StateAssignment variable="c" value="0"/>
                      <StateAssignment variable="d" value="c + 100"/>
                    </OnCondition>
                    <OnCondition test="c .lt. 0.5"><StateAssignment variable="e" value="e + 7"/></OnCondition>
                  </Dynamics>
                </ComponentType>
                <Cond id="k"/>
                """;
        List<double[]> rows = TinyModel.run(out, body, "k", "2s", "1s", "n", "c", "d", "e");
        assertRow(rows, 0, 0, 1, 0, 0);
        assertRow(rows, 1, 1, 0, 100, 7);
        assertRow(rows, 2, 2, 0, 100, 14);
    }

    @Test
    void childrenAdvanceBeforeParentsAndRequirementsReadTheParentsLastSnapshot() throws IOException {
        String body = """
                <ComponentType name="Ramp">
                  %1$s
                  <Requirement name="p" dimension="none"/>
                  <Exposure name="x" dimension="none"/>
                  <Dynamics>
                    <StateVariable name="x" dimension="none" exposure="x"/>
                    <DerivedVariable name="q" dimension="none" value="p"/>
                    <TimeDerivative variable="x" value="1 / SEC"/>
                  </Dynamics>
                </ComponentType>
                <ComponentType name="Holder">
                  %1$s
                  <Child name="probe" type="Ramp"/>
                  <Exposure name="p" dimension="none"/>
                  <Dynamics>
                    <StateVariable name="p" dimension="none" exposure="p"/>
                    <DerivedVariable name="s" dimension="none" select="probe/x"/>
                    <TimeDerivative variable="p" value="1 / SEC"/>
                  </Dynamics>
                </ComponentType>
                <Holder id="h"><probe/></Holder>
                """.formatted(SEC);
        List<double[]> rows = TinyModel.run(out, body, "h", "3s", "1s", "s", "probe/x", "probe/q");
        // s (parent select) sees the child's x of this step; q (child requirement) sees p of the previous step
        assertRow(rows, 1, 1, 1, 0);
        assertRow(rows, 2, 2, 2, 1);
        assertRow(rows, 3, 3, 3, 2);
    }

    @Test
    void regimeUpdatesShowOneRowLateInExposuresAndTransitionsEnterImmediately() throws IOException {
        String body = """
                <ComponentType name="Saw">
                  %s
                  <Exposure name="x" dimension="none"/>
                  <Dynamics>
                    <StateVariable name="x" dimension="none" exposure="x"/>
                    <StateVariable name="entries" dimension="none"/>
                    <StateVariable name="seen" dimension="none"/>
                    <Regime name="up" initial="true">
                      <TimeDerivative variable="x" value="1 / SEC"/>
                      <OnCondition test="x .geq. 2"><Transition regime="down"/></OnCondition>
                      <OnCondition test="x .geq. 2"><StateAssignment variable="seen" value="seen + 1"/></OnCondition>
                    </Regime>
                    <Regime name="down">
                      <OnEntry>
                        <StateAssignment variable="entries" value="entries + 1"/>
                        <StateAssignment variable="x" value="10"/>
                      </OnEntry>
                      <TimeDerivative variable="x" value="0 - 1 / SEC"/>
                    </Regime>
                  </Dynamics>
                </ComponentType>
                <Saw id="s"/>
                """.formatted(SEC);
        List<double[]> rows = TinyModel.run(out, body, "s", "4s", "1s", "x", "entries", "seen");
        // exposure x lags the regime update by one row; step 2 reaches 2, transitions (OnEntry sets 10), and
        // the old regime's second condition still runs in that step
        assertRow(rows, 1, 0, 0, 0);
        assertRow(rows, 2, 1, 1, 1);
        assertRow(rows, 3, 10, 1, 1);
        assertRow(rows, 4, 9, 1, 1);
    }

    private static final String NODES = """
            <ComponentType name="Node">
              <Parameter name="fireAt" dimension="time"/>
              <EventPort name="out" direction="out"/>
              <EventPort name="in" direction="in"/>
              <Exposure name="count" dimension="none"/>
              <Dynamics>
                <StateVariable name="count" dimension="none" exposure="count"/>
                <StateVariable name="fired" dimension="none"/>
                <OnCondition test="t .geq. fireAt .and. fired .lt. 0.5">
                  <StateAssignment variable="fired" value="1"/>
                  <EventOut port="out"/>
                </OnCondition>
                <OnEvent port="in"><StateAssignment variable="count" value="count + 1"/></OnEvent>
              </Dynamics>
            </ComponentType>
            <ComponentType name="Wire">
              <Path name="from"/>
              <Path name="to"/>
              <Parameter name="delay" dimension="time"/>
              <Structure>
                <With instance="from" as="a"/>
                <With instance="to" as="b"/>
                <EventConnection from="a" to="b" delay="delay"/>
              </Structure>
            </ComponentType>
            <ComponentType name="Net">
              <Children name="nodes" type="Node"/>
              <Children name="wires" type="Wire"/>
            </ComponentType>
            <Net id="net">
              <Node id="early" fireAt="100s"/>
              <Node id="src" fireAt="3s"/>
              <Node id="late" fireAt="100s"/>
              <Node id="delayed" fireAt="100s"/>
              <Wire from="src" to="early" delay="0s"/>
              <Wire from="src" to="late" delay="0s"/>
              <Wire from="src" to="delayed" delay="1.5s"/>
            </Net>
            """;

    @Test
    void zeroDelayEventsAreSynchronousAndDelayedOnesArriveAtTheFirstStepPastTheirTime() throws IOException {
        List<double[]> rows = TinyModel.run(out, NODES, "net", "6s", "1s", "early/count", "late/count",
                "delayed/count");
        // src fires in step 3: late (after it) counts in its own step 3; early already stepped, so its exposure
        // shows the count at row 4; the 1.5 s delay is due at 4.5 s and delivered before step 5
        assertRow(rows, 2, 0, 0, 0);
        assertRow(rows, 3, 0, 1, 0);
        assertRow(rows, 4, 1, 1, 0);
        assertRow(rows, 5, 1, 1, 1);
    }

    @Test
    void eventFilesStampEventsWithTheStepTimeInTheRequestedFormat() throws IOException {
        String events = """
                <EventFile id="ev" fileName="spikes.txt" format="TIME_ID"><Sel id="7" select="src" eventPort="out"/></EventFile>
                <EventFile id="ev2" fileName="spikes2.txt" format="ID_TIME"><Sel id="7" select="src" eventPort="out"/></EventFile>
                """;
        TinyModel.runWith(out, NODES, "net", "6s", "1s", events, "src/count");
        assertEquals("3.0\t7\n", TinyModel.text(out.resolve("spikes.txt")));
        assertEquals("7\t3.0\n", TinyModel.text(out.resolve("spikes2.txt")));
    }

    @Test
    void selectsFoldInListOrderAndConditionalVariablesDefaultToZero() throws IOException {
        String body = """
                <ComponentType name="Item">
                  <Parameter name="val" dimension="none"/>
                  <Text name="kind"/>
                  <Exposure name="v" dimension="none"/>
                  <Dynamics><DerivedVariable name="v" dimension="none" exposure="v" value="val"/></Dynamics>
                </ComponentType>
                <ComponentType name="Bag">
                  <Children name="items" type="Item"/>
                  <Children name="none" type="Item"/>
                  <Dynamics>
                    <DerivedVariable name="sum" dimension="none" select="items[*]/v" reduce="add"/>
                    <DerivedVariable name="prod" dimension="none" select="items[*]/v" reduce="multiply"/>
                    <DerivedVariable name="bs" dimension="none" select="items[kind='b']/v" reduce="add"/>
                    <DerivedVariable name="emptySum" dimension="none" select="none[*]/v" reduce="add"/>
                    <DerivedVariable name="emptyProd" dimension="none" select="none[*]/v" reduce="multiply"/>
                    <ConditionalDerivedVariable name="noMatch" dimension="none">
                      <Case condition="t .lt. 0" value="1"/>
                    </ConditionalDerivedVariable>
                    <ConditionalDerivedVariable name="firstDefault" dimension="none">
                      <Case value="5"/>
                      <Case condition="t .geq. 0" value="9"/>
                    </ConditionalDerivedVariable>
                  </Dynamics>
                </ComponentType>
                <Bag id="bag">
                  <Item id="a" val="2" kind="a"/>
                  <Item id="b" val="3" kind="b"/>
                  <Item id="c" val="5" kind="b"/>
                </Bag>
                """;
        List<double[]> rows = TinyModel.run(out, body, "bag", "1s", "1s", "sum", "prod", "bs", "emptySum",
                "emptyProd", "noMatch", "firstDefault");
        assertRow(rows, 1, 10, 30, 8, 0, 1, 0, 5);
    }

    @Test
    void functionsFollowJlems() throws IOException {
        String body = """
                <ComponentType name="Fun">
                  <Dynamics>
                    <DerivedVariable name="h0" dimension="none" value="H(0)"/>
                    <DerivedVariable name="hn" dimension="none" value="H(0 - 2)"/>
                    <DerivedVariable name="f13" dimension="none" value="factorial(13)"/>
                    <DerivedVariable name="ln" dimension="none" value="log(100)"/>
                    <DerivedVariable name="g" dimension="none" value="2 ^ 3 ^ 2"/>
                    <DerivedVariable name="neg" dimension="none" value="3 - -2 ^ 2"/>
                    <DerivedVariable name="log0" dimension="none" value="log(0)"/>
                  </Dynamics>
                </ComponentType>
                <Fun id="fn"/>
                """;
        List<double[]> rows = TinyModel.run(out, body, "fn", "1s", "1s", "h0", "hn", "f13", "ln", "g", "neg", "log0");
        // H(0) = 0.5; 13! overflows a 32-bit int to 1932053504; log is natural; ^ is left-associative (2^3)^2;
        // unary minus after an operator binds tighter than ^: 3 - ((-2)^2) = -1; log of zero is NaN, not -Infinity
        assertRow(rows, 1, 0.5, 0.0, 1932053504.0, Math.log(100), 64, -1, Double.NaN);
    }

    @Test
    void propertiesTakeTheirDefaultUnlessAnEventConnectionAssignsThem() throws IOException {
        String body = """
                <ComponentType name="Syn">
                  <Property name="w" dimension="none" defaultValue="1"/>
                  <EventPort name="in" direction="in"/>
                  <Exposure name="g" dimension="none"/>
                  <Dynamics><DerivedVariable name="g" dimension="none" exposure="g" value="w * 3"/></Dynamics>
                </ComponentType>
                <ComponentType name="Cell">
                  <Attachments name="syns" type="Syn"/>
                  <EventPort name="spike" direction="out"/>
                  <Dynamics>
                    <StateVariable name="quiet" dimension="none"/>
                    <OnCondition test="t .lt. 0"><EventOut port="spike"/></OnCondition>
                  </Dynamics>
                </ComponentType>
                <ComponentType name="PlainLink">
                  <Path name="to"/>
                  <ComponentReference name="syn" type="Syn"/>
                  <Structure>
                    <With instance="to" as="b"/>
                    <EventConnection from="b" to="b" receiver="syn"/>
                  </Structure>
                </ComponentType>
                <ComponentType name="WeightedLink">
                  <Path name="to"/>
                  <ComponentReference name="syn" type="Syn"/>
                  <Parameter name="k" dimension="none"/>
                  <Structure>
                    <With instance="to" as="b"/>
                    <EventConnection from="b" to="b" receiver="syn"><Assign property="w" value="k * 2"/></EventConnection>
                  </Structure>
                </ComponentType>
                <ComponentType name="Net">
                  <Children name="cells" type="Cell"/>
                  <Children name="plain" type="PlainLink"/>
                  <Children name="weighted" type="WeightedLink"/>
                </ComponentType>
                <Syn id="synA"/>
                <Syn id="synB"/>
                <Net id="net">
                  <Cell id="cell"/>
                  <PlainLink to="cell" syn="synA"/>
                  <WeightedLink to="cell" syn="synB" k="4"/>
                </Net>
                """;
        List<double[]> rows = TinyModel.run(out, body, "net", "1s", "1s", "cell/synA/g", "cell/synB/g");
        assertRow(rows, 1, 3, 24);
    }

    @Test
    void onStartRunsWithJlemsMultiplicity() throws IOException {
        String body = """
                <ComponentType name="Counted">
                  <EventPort name="in" direction="in"/>
                  <Dynamics>
                    <StateVariable name="n" dimension="none"/>
                    <OnStart><StateAssignment variable="n" value="n + 1"/></OnStart>
                  </Dynamics>
                </ComponentType>
                <ComponentType name="Cell">
                  <Attachments name="inputs" type="Counted"/>
                  <EventPort name="spike" direction="out"/>
                  <Dynamics>
                    <StateVariable name="n" dimension="none"/>
                    <OnStart><StateAssignment variable="n" value="n + 1"/></OnStart>
                    <OnCondition test="t .lt. 0"><EventOut port="spike"/></OnCondition>
                  </Dynamics>
                </ComponentType>
                <ComponentType name="Pop">
                  <ComponentReference name="component" type="Cell"/>
                  <Parameter name="size" dimension="none"/>
                  <Dynamics>
                    <StateVariable name="n" dimension="none"/>
                    <OnStart><StateAssignment variable="n" value="n + 1"/></OnStart>
                  </Dynamics>
                  <Structure><MultiInstantiate number="size" component="component"/></Structure>
                </ComponentType>
                <ComponentType name="Feed">
                  <Path name="target"/>
                  <ComponentReference name="input" type="Counted"/>
                  <Structure>
                    <With instance="target" as="a"/>
                    <EventConnection from="a" to="a" receiver="input"/>
                  </Structure>
                </ComponentType>
                <ComponentType name="Net">
                  <Children name="pops" type="Pop"/>
                  <Children name="feeds" type="Feed"/>
                  <Dynamics>
                    <StateVariable name="n" dimension="none"/>
                    <OnStart><StateAssignment variable="n" value="n + 1"/></OnStart>
                  </Dynamics>
                </ComponentType>
                <Cell id="cell"/>
                <Counted id="inp"/>
                <Net id="net">
                  <Pop id="pop" component="cell" size="1"/>
                  <Feed target="pop[0]" input="inp"/>
                </Net>
                """;
        List<double[]> rows = TinyModel.run(out, body, "net", "1s", "1s", "n", "pop/n", "pop[0]/n", "pop[0]/inp/n");
        // lems-semantics §3.3 (measured in jLEMS): root 6, list member 6, population member 24, its input 48
        assertRow(rows, 0, 6, 6, 24, 48);
    }

    @Test
    void kineticSchemesStartInTheFirstStateAndAdvanceByTheMatrixExponential() throws IOException {
        String body = """
                <Dimension name="per_time" t="-1"/>
                <Unit symbol="per_s" dimension="per_time" power="0"/>
                <ComponentType name="State">
                  <Exposure name="occupancy" dimension="none"/>
                  <Dynamics><StateVariable name="occupancy" dimension="none" exposure="occupancy"/></Dynamics>
                </ComponentType>
                <ComponentType name="Step">
                  <Link name="from" type="State"/>
                  <Link name="to" type="State"/>
                  <Parameter name="kf" dimension="per_time"/>
                  <Parameter name="kr" dimension="per_time"/>
                  <Exposure name="rf" dimension="per_time"/>
                  <Exposure name="rr" dimension="per_time"/>
                  <Dynamics>
                    <DerivedVariable name="rf" dimension="per_time" exposure="rf" value="kf"/>
                    <DerivedVariable name="rr" dimension="per_time" exposure="rr" value="kr"/>
                  </Dynamics>
                </ComponentType>
                <ComponentType name="Scheme">
                  <Children name="states" type="State"/>
                  <Children name="steps" type="Step"/>
                  <Dynamics>
                    <KineticScheme name="ks" nodes="states" stateVariable="occupancy" edges="steps"
                                   edgeSource="from" edgeTarget="to" forwardRate="rf" reverseRate="rr"/>
                  </Dynamics>
                </ComponentType>
                <Scheme id="s">
                  <State id="closed"/>
                  <State id="open"/>
                  <Step from="closed" to="open" kf="2per_s" kr="0per_s"/>
                </Scheme>
                """;
        List<double[]> rows = TinyModel.run(out, body, "s", "0.3s", "0.1s", "closed/occupancy", "open/occupancy");
        // closed -> open at 2/s: closed(t) = exp(-2t). The states sync their exposures before the parent's scheme
        // runs, so the recorded occupancy shows each scheme step one row later.
        assertRow(rows, 0, 1, 0);
        assertRow(rows, 1, 1, 0);
        assertEquals(Math.exp(-0.2), rows.get(2)[1], 1e-7);
        assertEquals(1 - Math.exp(-0.2), rows.get(2)[2], 1e-7);
        assertEquals(Math.exp(-0.4), rows.get(3)[1], 1e-7);
    }

    @Test
    void tunnelsAttachOneInstanceToEachEndAndLetThemReadEachOther() throws IOException {
        String body = """
                <ComponentType name="Gap">
                  <Parameter name="g" dimension="none"/>
                  <Requirement name="v" dimension="none"/>
                  <Exposure name="i" dimension="none"/>
                  <Dynamics>
                    <DerivedVariable name="vpeer" dimension="none" select="peer/v"/>
                    <DerivedVariable name="i" dimension="none" exposure="i" value="g * (vpeer - v)"/>
                  </Dynamics>
                </ComponentType>
                <ComponentType name="Cell">
                  <Parameter name="v0" dimension="none"/>
                  <Attachments name="gaps" type="Gap"/>
                  <Exposure name="v" dimension="none"/>
                  <Dynamics>
                    <StateVariable name="v" dimension="none" exposure="v"/>
                    <DerivedVariable name="iGap" dimension="none" select="gaps[*]/i" reduce="add"/>
                    <OnStart><StateAssignment variable="v" value="v0"/></OnStart>
                  </Dynamics>
                </ComponentType>
                <ComponentType name="Joint">
                  <Path name="a"/>
                  <Path name="b"/>
                  <ComponentReference name="gap" type="Gap"/>
                  <Structure>
                    <With instance="a" as="x"/>
                    <With instance="b" as="y"/>
                    <Tunnel name="peer" endA="x" endB="y" componentA="gap" componentB="gap"/>
                  </Structure>
                </ComponentType>
                <ComponentType name="Net">
                  <Children name="cells" type="Cell"/>
                  <Children name="joints" type="Joint"/>
                </ComponentType>
                <Gap id="gj" g="2"/>
                <Net id="net">
                  <Cell id="left" v0="1"/>
                  <Cell id="right" v0="3"/>
                  <Joint a="left" b="right" gap="gj"/>
                </Net>
                """;
        List<double[]> rows = TinyModel.run(out, body, "net", "1s", "1s", "left/gj/i", "right/gj/i", "left/iGap");
        // left: 2 * (3 - 1) = 4, right: 2 * (1 - 3) = -4; the cell sums its attachments
        assertRow(rows, 1, 4, -4, 4);
    }

    @Test
    void randomDrawsComeFromOneJavaRandomSeededBySimulationSeedOr1234() throws IOException {
        String body = """
                <ComponentType name="Dice">
                  <Dynamics>
                    <StateVariable name="r" dimension="none"/>
                    <OnStart><StateAssignment variable="r" value="random(10)"/></OnStart>
                  </Dynamics>
                </ComponentType>
                <Dice id="d"/>
                """;
        // the root's OnStart runs 6 times (3 passes, doubled): row 0 holds the 6th draw
        List<double[]> rows = TinyModel.run(out, body, "d", "1s", "1s", "r");
        java.util.Random expected = new java.util.Random(1234);
        double draw = 0;
        for (int i = 0; i < 6; i++) {
            draw = 10 * expected.nextDouble();
        }
        assertRow(rows, 0, draw);

        String seeded = TinyModel.document(body, "d", "1s", "1s", "", "r").replace("<Sim id=\"sim\"",
                "<Sim id=\"sim\" seed=\"42\"");
        Simulator.build(TinyModel.model(seeded), SimulationOptions.writingTo(out)).run();
        expected = new java.util.Random(42);
        for (int i = 0; i < 6; i++) {
            draw = 10 * expected.nextDouble();
        }
        assertRow(DatFiles.read(out.resolve("out.dat")), 0, draw);

        Simulator.build(TinyModel.model(seeded), new SimulationOptions(out, 7L)).run();
        expected = new java.util.Random(7);
        for (int i = 0; i < 6; i++) {
            draw = 10 * expected.nextDouble();
        }
        assertRow(DatFiles.read(out.resolve("out.dat")), 0, draw);
    }

    @Test
    void multiInstantiateNumbersItsMembersAndAppliesAssigns() throws IOException {
        String body = """
                <ComponentType name="Member">
                  <Property name="w" dimension="none" defaultValue="1"/>
                  <Dynamics>
                    <DerivedVariable name="i" dimension="none" value="index"/>
                    <DerivedVariable name="ww" dimension="none" value="w"/>
                  </Dynamics>
                </ComponentType>
                <ComponentType name="Group">
                  <ComponentReference name="component" type="Member"/>
                  <Parameter name="size" dimension="none"/>
                  <Parameter name="k" dimension="none"/>
                  <Structure>
                    <MultiInstantiate number="size" component="component">
                      <Assign property="w" value="k * 3"/>
                    </MultiInstantiate>
                  </Structure>
                </ComponentType>
                <Member id="m"/>
                <Group id="g" component="m" size="2.6" k="2"/>
                """;
        // size 2.6 rounds to 3 members, numbered 0..2; each gets w = k * 3 = 6
        List<double[]> rows = TinyModel.run(out, body, "g", "1s", "1s", "[0]/i", "[2]/i", "[2]/ww");
        assertRow(rows, 1, 0, 2, 6);
    }

    @Test
    void aStateVariableThatBecomesInfiniteStopsTheRunWithWhereAndWhen() {
        String body = """
                <ComponentType name="Blow">
                  %s
                  <Dynamics>
                    <StateVariable name="x" dimension="none"/>
                    <TimeDerivative variable="x" value="1 / (t - t)"/>
                  </Dynamics>
                </ComponentType>
                <Blow id="b"/>
                """.formatted(SEC);
        SimulationException e = assertThrows(SimulationException.class,
                () -> TinyModel.run(out, body, "b", "2s", "1s", "x"));
        assertTrue(e.getMessage().contains("state variable x of b"), e.getMessage());
        assertTrue(e.getMessage().contains("t = 1.0 s (step 1)"), e.getMessage());
        assertTrue(e.hint().contains("smaller step"), e.hint());
    }
}
