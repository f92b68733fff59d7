package dev.jgrad.kernels;

import jdk.incubator.vector.FloatVector;

/** Vector API kernels; anything not overridden here runs the plain-Java loop. */
final class PanamaKernels extends ScalarKernels {
    @Override
    public String name() {
        return "panama (" + FloatVector.SPECIES_PREFERRED.length() + " float lanes)";
    }
}
