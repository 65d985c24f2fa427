package com.acme.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TitlesTest {
    @Test
    void linksUseTheRuchySlug() {
        assertEquals("/posts/hello-ruchy-on-the-jvm", Titles.link("Hello  Ruchy on the JVM"));
    }

    @Test
    void publicRuchyFunctionsSeeTheirTopLevelConstants() {
        assertEquals("BREAKING NEWS! (3)", Titles.headline("breaking news"));
    }
}
