package com.acme.text;

/** Java calling Ruchy: {@code Slug} is generated from {@code src/main/ruchy/com/acme/text/slug.ruchy}. */
public final class Titles {
    private Titles() {
    }

    public static String link(String title) {
        return "/posts/" + Slug.slugify(title);
    }

    /** A generated class of another package: its {@code pub fun}s are public. */
    public static String headline(String title) {
        return com.acme.util.Shout.shout(title) + " (" + com.acme.util.Shout.markCount() + ")";
    }
}
