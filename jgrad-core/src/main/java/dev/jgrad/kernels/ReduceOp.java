package dev.jgrad.kernels;

/** Reductions over a run of elements. */
public enum ReduceOp { SUM, MAX, MIN }
