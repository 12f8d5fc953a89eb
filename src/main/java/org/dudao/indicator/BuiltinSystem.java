package org.dudao.indicator;

/** A built-in system transcribed from a seed document, loadable in one click. */
public record BuiltinSystem(NewSystem meta, String file, boolean available) {}
