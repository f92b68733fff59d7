package dev.jgrad.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluates a checkpoint on the test part of a dataset (by default the one it was trained on):",
                "accuracy, per-class precision and recall, confusion matrix."})
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "A checkpoint written by jgrad train --save.")
    private Path modelFile;

    @Mixin
    private DataOptions dataOptions;

    @Option(names = "--threads", paramLabel = "N", description = "Kernel threads (default: all processors).")
    private Integer threads;

    @Override
    public Integer call() throws IOException {
        if (threads != null) Threads.set(threads);
        var out = main.out();
        Checkpoint ck = Checkpoint.load(modelFile);
        DataSpec data = dataOptions.spec(ck.data().toString());
        Datasets.Loaded loaded = Datasets.load(data, dataOptions.dataDir, 0, false);
        var test = loaded.test();
        if (test.featureSize() != ck.featureSize())
            throw new BadInputException("--data " + data + ": samples of shape " + Arrays.toString(test.sampleShape())
                    + " do not fit " + modelFile + ", which takes " + Arrays.toString(ck.inputShape()));
        if (test.numClasses() > ck.classes().size())
            throw new BadInputException("--data " + data + ": " + test.numClasses() + " classes, but " + modelFile
                    + " knows " + ck.classes().size());
        out.printf("model: %s (%s, trained %d epochs on %s)%n", modelFile, ck.architecture(), ck.epoch(), ck.data());
        out.printf("data: %s, %d test samples%n", data, test.count());
        Evaluation.of(ck.model(), TrainCommand.tensors(ck.normalization().apply(test)), ck.classes()).print(out);
        return Main.OK;
    }
}
