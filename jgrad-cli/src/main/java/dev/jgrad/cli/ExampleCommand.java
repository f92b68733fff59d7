package dev.jgrad.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "example", mixinStandardHelpOptions = true, description = {"Runs a worked example of backpropagation: jgrad example list shows them,",
        "jgrad example NAME runs one."})
final class ExampleCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "list|NAME", description = "list, or the name of an example")
    private String name;

    @Override
    public Integer call() throws IOException {
        var out = main.out();
        if (name.equals("list")) {
            for (Example e : Example.all()) out.printf("%-20s %s%n", e.name(), e.title());
            return Main.OK;
        }
        Example example = Example.byName(name).orElseThrow(() -> new BadInputException("example: no example named '" + name
                + "'; the examples are " + Example.all().stream().map(Example::name).collect(Collectors.joining(", "))));
        out.println("== " + example.name() + ": " + example.title());
        out.println();
        example.run(out);
        return Main.OK;
    }
}
