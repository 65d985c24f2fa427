package com.acme.billing;

import com.acme.report.Format;
import java.util.ArrayList;
import java.util.List;

/** An invoice of one customer: its lines in cents. The Ruchy code in src/main/ruchy uses it. */
public class Invoice {
    private final String customer;
    private final List<Long> lines = new ArrayList<>();

    public Invoice(String customer) {
        this.customer = customer;
    }

    /** The tax rate in percent. */
    public static long taxRate() {
        return 20;
    }

    public String customer() {
        return customer;
    }

    public Invoice addLine(long cents) {
        lines.add(cents);
        return this;
    }

    public long total() {
        long sum = 0;
        for (long line : lines) {
            sum += line;
        }
        return sum;
    }

    /** The total less a discount in cents. */
    public long discounted(long cents) {
        return total() - cents;
    }

    /** The total less a discount in percent. */
    public long discounted(double percent) {
        return Math.round(total() * (1 - percent / 100));
    }

    /** The total with each line priced by {@code pricing}. */
    public long totalWith(Pricing pricing) {
        long sum = 0;
        for (long line : lines) {
            sum += pricing.price(line);
        }
        return sum;
    }

    /** Java calling Ruchy: {@code Format} is generated from src/main/ruchy/com/acme/report/format.ruchy. */
    public String summary() {
        return customer + ": " + Format.money(total());
    }
}
