import CliffBench
print("placeholder")
