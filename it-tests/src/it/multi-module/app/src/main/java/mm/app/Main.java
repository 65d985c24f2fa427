package mm.app;

/** Java in one module using Ruchy code generated in this module and in lib. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(mm.lib.Shape2.class.getName() + " " + Step1.step1(1));
    }
}
