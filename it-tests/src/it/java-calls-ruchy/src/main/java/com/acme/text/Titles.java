package com.acme.text;

/** Java calling Ruchy: {@code Slug} is generated from {@code src/main/ruchy/com/acme/text/slug.ruchy}. */
public final class Titles {
    private Titles() {
    }

    public static String link(String title) {
        return "/posts/" + Slug.slugify(title);
    }
}
