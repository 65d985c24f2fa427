package dev.ruchy.transpiler.diag;

/** "Did you mean" hints: the known name closest to a misspelt one. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code name} by edit distance, at most 1 edit away for names of up to
     * 3 characters and 2 beyond; the first of equally near ones; null when none is that near.
     */
    public static String closest(String name, Iterable<String> candidates) {
        String best = null;
        int bestDistance = name.length() <= 3 ? 1 : 2;
        int found = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(name, candidate);
            if (distance <= bestDistance && distance < found) {
                best = candidate;
                found = distance;
            }
        }
        return best;
    }

    /**
     * The candidate path ({@code a::b::c}) nearest to {@code path}: one with as many segments, each
     * near its counterpart by the rule of {@link #closest}; the least total distance wins, the first
     * of equally near ones. So {@code http::Srever::new} finds {@code http::Server::new}, while
     * {@code db::connect} does not find {@code ws::connect}. Null when none is that near.
     */
    public static String closestPath(String path, Iterable<String> candidates) {
        String[] segments = path.split("::");
        String best = null;
        int found = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String[] other = candidate.split("::");
            if (other.length != segments.length) {
                continue;
            }
            int total = 0;
            for (int i = 0; i < segments.length && total != Integer.MAX_VALUE; i++) {
                int distance = editDistance(segments[i], other[i]);
                total = distance <= (segments[i].length() <= 3 ? 1 : 2) ? total + distance : Integer.MAX_VALUE;
            }
            if (total > 0 && total < found) {
                best = candidate;
                found = total;
            }
        }
        return best;
    }

    /** {@code d} with the hint "did you mean `x`?" when a candidate is near {@code name}; else {@code d}. */
    public static Diagnostic withSuggestion(Diagnostic d, String name, Iterable<String> candidates) {
        String best = closest(name, candidates);
        return best == null ? d : d.withHint("did you mean `" + best + "`?");
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
