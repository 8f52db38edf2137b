"""kinerja-year: one performance year of a synthetic city government, acted out through the
public gRPC APIs of a running local stack (tools/stack up --sim-clock), then summarised from the
analytics service. See tools/year/README.md."""
