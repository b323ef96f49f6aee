"""Tallying: which entries a round judges, what it reads, the scoring math, the results.
"""
