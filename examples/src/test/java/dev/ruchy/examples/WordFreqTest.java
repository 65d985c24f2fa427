package dev.ruchy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Java tests can call the functions of a Ruchy program: they are static methods of its class. */
class WordFreqTest {
    @Test
    void wordsAreLowerCaseAndSplitAtPunctuation() {
        assertEquals(List.of("the", "fox", "isn't", "here"), WordFreq.wordsOf("The fox -- isn't here!"));
    }

    @Test
    void theMostFrequentWordComesFirst() {
        var counts = WordFreq.countWords(WordFreq.wordsOf("b a b c b a"));
        var top = WordFreq.topWords(counts, 2);
        assertEquals(2, top.size());
        assertEquals("(\"b\", 3)", top.get(0).toString());
    }
}
