package dev.ruchy.it.interop;

import java.util.ArrayList;
import java.util.List;

/** A project's own Java class that Ruchy code calls (JavaInteropTest): constructors, fields, overloads. */
public class Invoice {
    /** Who pays. */
    public final String customer;
    /** Lines added so far, in cents. */
    public int lines;
    private final List<Long> amounts = new ArrayList<>();

    public Invoice(String customer) {
        this.customer = customer;
    }

    public Invoice(String customer, long firstAmount) {
        this(customer);
        add(firstAmount);
    }

    /** Adds an amount in cents. */
    public Invoice add(long cents) {
        amounts.add(cents);
        lines++;
        return this;
    }

    /** Adds {@code count} times an amount in cents: an overload by arity, with an int. */
    public Invoice add(long cents, int count) {
        for (int i = 0; i < count; i++) {
            add(cents);
        }
        return this;
    }

    /** An overload by type: a written amount ("12.50"). */
    public Invoice add(String amount) {
        return add(Math.round(Double.parseDouble(amount) * 100));
    }

    public long total() {
        return amounts.stream().mapToLong(Long::longValue).sum();
    }

    /** The total after a discount the caller gives as a function. */
    public long totalAfter(Discount discount) {
        return discount.apply(total());
    }

    public List<Long> amounts() {
        return List.copyOf(amounts);
    }

    public static Invoice of(String customer, long... amounts) {
        Invoice invoice = new Invoice(customer);
        for (long a : amounts) {
            invoice.add(a);
        }
        return invoice;
    }
}
