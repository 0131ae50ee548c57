"""The three daily jobs on the bindings: exposure scan, age check, crash-safe rotation (and the
paste-and-propagate path for secrets without a provider API). Entry point: ``sanctum-jobs``
(``sanctumcore.jobs.cli:main``); the doctrine and the state machine are in docs/jobs.md."""
