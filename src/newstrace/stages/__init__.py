"""The analysis stages, one module each; pipeline.STAGES lists their order."""
