package org.lemsbridge.lems.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SharedStringsTest {

    private static String of(SharedStrings shared, String text, int before, int after) {
        char[] chars = (" ".repeat(before) + text + " ".repeat(after)).toCharArray();
        return shared.of(chars, before, before + text.length());
    }

    @Test
    void equalCharactersGiveTheSameStringWhereverTheyStand() {
        SharedStrings shared = new SharedStrings();
        String first = of(shared, "explicitInput", 0, 3);
        assertEquals("explicitInput", first);
        assertSame(first, of(shared, "explicitInput", 7, 0));
        assertEquals("", of(shared, "", 2, 2));
        assertNotSame(first, of(shared, "explicitInputs", 0, 0));
        assertEquals("explicitInpu", of(shared, "explicitInpu", 1, 1));
    }

    @Test
    void manyDifferentTextsEachKeepTheirOwnStringAcrossTheTableGrowing() {
        SharedStrings shared = new SharedStrings();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(of(shared, "izpop[" + i + "]", i % 5, 1));
        }
        for (int i = 0; i < 20_000; i++) {
            assertEquals("izpop[" + i + "]", made.get(i));
            assertSame(made.get(i), of(shared, "izpop[" + i + "]", 0, 0));
        }
    }

    /** 2^15 different texts of one String hash ("Aa" and "BB" hash alike): each lookup looks at a few slots only. */
    @Test
    void textsSharingOneHashStayQuickAndCorrect() {
        SharedStrings shared = new SharedStrings();
        List<String> texts = new ArrayList<>();
        for (int bits = 0; bits < 1 << 15; bits++) {
            StringBuilder text = new StringBuilder();
            for (int b = 0; b < 15; b++) {
                text.append((bits >> b & 1) == 0 ? "Aa" : "BB");
            }
            texts.add(text.toString());
        }
        assertEquals(1, texts.stream().map(String::hashCode).distinct().count());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < 2; round++) {
                for (String text : texts) {
                    assertEquals(text, of(shared, text, 0, 0));
                }
            }
        });
    }
}
