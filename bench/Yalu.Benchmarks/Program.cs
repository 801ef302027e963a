using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Yalu.Benchmarks.MathTradeBenchmarks).Assembly).Run(args);
