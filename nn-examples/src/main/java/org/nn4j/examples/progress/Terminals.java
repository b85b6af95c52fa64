package org.nn4j.examples.progress;

import java.io.Console;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Whether standard output is a terminal, on every supported JDK. */
public final class Terminals {

    private Terminals() {
    }

    /**
     * Up to JDK 21, {@link System#console()} is {@code null} unless standard input and output are both terminals.
     * From JDK 22 it returns a console even when output is redirected, and {@code Console.isTerminal()} (new in
     * JDK 22) tells the two apart; it is looked up here because nn4j compiles for Java 17.
     *
     * @return true if standard output is an interactive terminal
     */
    public static boolean isStandardOutputTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            MethodHandle isTerminal = MethodHandles.publicLookup()
                    .findVirtual(Console.class, "isTerminal", MethodType.methodType(boolean.class));
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
