package dev.jgrad.autograd;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.Storage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A gradient made by the backward pass and held by one tensor only becomes a leaf's grad without
 * a copy; any gradient someone else may still hold is copied, so that later in-place
 * accumulation never writes into it.
 */
class GradOwnershipTest {

    private static long storagesMadeBy(Runnable r) {
        long before = Storage.nextSerial();
        r.run();
        return Storage.nextSerial() - before;
    }

    @Test
    void aFreshWeightGradientIsAdoptedWithoutACopy() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor w = Tensor.of(new double[] {0.1, 0.2, 0.3, -0.1, 0.5, 0.7}, 2, 3).requiresGrad(true);
        Tensor plain = x.linear(w, null).sum();
        long adopted = storagesMadeBy(plain::backward);
        Tensor expected = w.grad().contiguousCopy();

        w.zeroGrad();
        w.registerHook(g -> null); // a hook sees the gradient, so it is copied
        Tensor hooked = x.linear(w, null).sum();
        long copied = storagesMadeBy(hooked::backward);

        assertEquals(copied - 1, adopted, "adoption saves exactly the weight-sized copy");
        assertArrayEquals(expected.toDoubleArray(), w.grad().toDoubleArray());
        assertArrayEquals(new double[] {5, 7, 9, 5, 7, 9}, expected.toDoubleArray());
    }

    @Test
    void aGradientSharedByTwoInputsGivesEachItsOwnStorage() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = Tensor.of(new double[] {3, 4}).requiresGrad(true);
        Tensor c = Tensor.of(new double[] {10, 20});
        for (int i = 0; i < 2; i++) x.add(y).mul(c).sum().backward(); // add hands one tensor to both
        assertNotSame(x.grad().storage(), y.grad().storage());
        assertArrayEquals(new double[] {20, 40}, x.grad().toDoubleArray());
        assertArrayEquals(new double[] {20, 40}, y.grad().toDoubleArray());
    }

    @Test
    void theSeedGradientIsNeverAdopted() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor seed = Tensor.of(new double[] {5, 6});
        x.add(1.0).backward(seed);
        seed.fill(0);
        assertArrayEquals(new double[] {5, 6}, x.grad().toDoubleArray());
    }

    @Test
    void aGradientAUserFunctionKeepsIsCopied() {
        var kept = new ArrayList<Tensor>();
        class Keeper extends Function {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].mul(2);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                Tensor grad = g.mul(2).contiguousCopy();
                kept.add(grad);
                return new Tensor[] {grad};
            }
        }
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        new Keeper().apply(x).sum().backward();
        kept.get(0).fill(-1);
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray());
        new Keeper().apply(x).sum().backward();
        assertArrayEquals(new double[] {-1, -1}, kept.get(0).toDoubleArray(), "accumulation must not write into it");
        assertArrayEquals(new double[] {4, 4}, x.grad().toDoubleArray());
    }

    @Test
    void aGradientAHookReturnsIsCopied() {
        List<Tensor> seen = new ArrayList<>();
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        x.registerHook(g -> {
            Tensor mine = g.mul(1);
            seen.add(mine);
            return mine;
        });
        x.mul(Tensor.of(new double[] {3, 4})).sum().backward();
        seen.get(0).fill(0);
        assertArrayEquals(new double[] {3, 4}, x.grad().toDoubleArray());
    }

    @Test
    void aKeptGradientBufferIsFilledInPlaceWithTheSameValues() {
        Tensor x = Tensor.of(new double[] {1, -2, 3, 0.5, 4, -1}, 2, 3);
        Tensor w = Tensor.of(new double[] {0.1, 0.2, 0.3, -0.1, 0.5, 0.7}, 2, 3).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {0.3, -0.2}).requiresGrad(true);
        x.linear(w, b).relu().sum().backward();
        double[] gw = w.grad().toDoubleArray(), gb = b.grad().toDoubleArray();
        Tensor keptW = w.grad(), keptB = b.grad();

        w.zeroGrad(false);
        b.zeroGrad(false);
        assertSame(keptW, w.grad(), "zeroGrad(false) keeps the buffer");
        assertArrayEquals(new double[6], w.grad().toDoubleArray());
        Tensor loss = x.linear(w, b).relu().sum();
        long made = storagesMadeBy(loss::backward);
        assertSame(keptW, w.grad());
        assertSame(keptB, b.grad());
        assertArrayEquals(gw, w.grad().toDoubleArray());
        assertArrayEquals(gb, b.grad().toDoubleArray());

        // without kept buffers the same backward also makes a weight-sized array
        w.zeroGrad();
        b.zeroGrad();
        Tensor again = x.linear(w, b).relu().sum();
        assertEquals(made + 1, storagesMadeBy(again::backward));
        assertArrayEquals(gw, w.grad().toDoubleArray());
    }

    @Test
    void keptBuffersAccumulateOverSeveralBackwardsAndHooksStillSeeTheirGradient() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor w = Tensor.of(new double[] {1, 0, 0, 1}, 2, 2).requiresGrad(true);
        x.linear(w, null).sum().backward();
        w.zeroGrad(false);
        for (int i = 0; i < 3; i++) x.linear(w, null).sum().backward();
        assertArrayEquals(new double[] {12, 18, 12, 18}, w.grad().toDoubleArray());

        List<Tensor> seen = new ArrayList<>();
        w.registerHook(g -> {
            seen.add(g);
            return null;
        });
        w.zeroGrad(false);
        x.linear(w, null).sum().backward();
        assertEquals(1, seen.size(), "a hooked leaf gets its gradient through the hook, not straight into the buffer");
        assertArrayEquals(new double[] {4, 6, 4, 6}, w.grad().toDoubleArray());
    }
}
