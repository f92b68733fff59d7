package dev.jgrad.kernels;

/**
 * Chooses the kernels once: Panama when the incubator module is readable and not disabled with
 * {@code -Djgrad.kernels=scalar}, plain Java otherwise.
 */
final class KernelProvider {
    static final Kernels INSTANCE = choose();

    private KernelProvider() {}

    private static Kernels choose() {
        String wanted = System.getProperty("jgrad.kernels", "auto");
        if (!wanted.equals("scalar") && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (Kernels) Class.forName("dev.jgrad.kernels.PanamaKernels")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                System.getLogger("dev.jgrad.kernels").log(System.Logger.Level.WARNING,
                        "Vector API present but unusable, using plain Java kernels: " + e);
            }
        }
        return new ScalarKernels();
    }
}
