/* Generated from the served OpenAPI document by openapi-typescript: do not edit. */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether PostgreSQL and Redis answer */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every client's dead letters (of the workspace) */
        get: operations["adminListDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dead-letters/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay one dead letter */
        post: operations["adminReplayDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay every dead letter (of one client) */
        post: operations["adminReplayDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The self-checking loop's alerts, newest first */
        get: operations["listAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every API key (never the key itself) */
        get: operations["listApiKeys"];
        put?: never;
        /** Issue an API key (shown once) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Administrative actions, newest first, by actor, action and time; paged */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The matching entries as JSON Lines, newest first, and with includePending=true the calls in flight before them (the export is itself recorded) */
        get: operations["exportAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audited calls announced but not answered yet (running, or their process stopped), newest first; until answered or recorded unconfirmed */
        get: operations["listPendingAuditActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How people sign in: passwords and/or single sign-on */
        get: operations["authConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tokens for an email and password */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign the session of this refresh token out */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/backchannel-logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The provider's back-channel logout: revokes the sessions its logout token names
         * @description Register this URL at the provider as the back-channel logout URI. The logout token is checked against the provider's keys (iss, aud, iat, jti never seen before, the back-channel logout event, sub and/or sid, no nonce); by `sid` the sessions signed in under that provider session are revoked, by `sub` alone every session of that person. A refused token: 400 with `error: invalid_request` and `error_description`.
         */
        post: operations["ssoBackchannelLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The provider's redirect back: on to the web UI with a one-time code */
        get: operations["ssoCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tokens for the one-time code of a single sign-on */
        post: operations["ssoExchange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Go to the single sign-on provider's sign-in page */
        get: operations["ssoStart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new token pair; the refresh token is spent */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every submitting service */
        get: operations["listClients"];
        put?: never;
        /** Register a submitting service */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{id}/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a client's requests per second per API key */
        put: operations["setClientQuota"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Datasets, of one pipeline when asked */
        get: operations["listDatasets"];
        put?: never;
        /** A dataset of one pipeline and client's decided items, optionally filled by rules */
        post: operations["createDataset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A dataset */
        get: operations["getDataset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the dataset's rules now (the worker also does, every ARBITER_DATASET_COLLECT_EVERY_MS) */
        post: operations["collectDatasetItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The items as JSON Lines (input, output, verdict, correctedOutput, reasons), for evaluation or fine-tuning */
        get: operations["exportDataset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Its items (input, output, verdict, corrected output, reasons), oldest first; paged by cursor */
        get: operations["listDatasetItems"];
        put?: never;
        /** Add submissions decided by people (of the dataset's pipeline and client) */
        post: operations["addDatasetItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an item (a rule will not take it in again) */
        delete: operations["removeDatasetItem"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Runs of the dataset, newest first */
        get: operations["listRegressionRuns"];
        put?: never;
        /** Generate (or score uploaded) candidates for every item, scored with the pipeline's policy; the worker runs it */
        post: operations["startRegressionRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run: pass rate, regressions against the previous run, cost (of every item), and a page of its items' differences */
        get: operations["getRegressionRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My events whose webhook gave up */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dead-letters/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one dead letter again */
        post: operations["replayDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send all my dead letters again */
        post: operations["replayDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outcome events after a cursor, oldest first */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pipeline: versions, active one, split */
        get: operations["getPipeline"];
        /** Add a policy version (the same document again adds nothing) */
        put: operations["putPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a version the active one */
        post: operations["activatePolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/breaker": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Force a pipeline's automation breaker open or closed, or hand it back (auto) */
        put: operations["forceBreaker"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a policy as PUT would, without storing it
         * @description Answers 200 whether or not the policy is valid: `valid`, and the problems and warnings, each with its line and column in the text (null for a JSON object body or where the text has no place for it).
         */
        post: operations["checkPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/oversight": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pipeline's breaker, escaped-error estimates and history */
        get: operations["getOversight"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/recalibration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The auto-approve threshold reviewers' verdicts support for a target error */
        get: operations["getRecalibration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/recalibration/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply an auto-approve threshold as a new, active policy version */
        post: operations["applyRecalibration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/recalibration/refit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calibration reviewers' verdicts support, with its fit before and after */
        get: operations["getCalibrationRefit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/recalibration/refit/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a refitted calibration as a new, active policy version */
        post: operations["applyCalibrationRefit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Back to the previously active version */
        post: operations["rollbackPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/shadow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agreement, automation and the error it would have had on audited items */
        get: operations["compareShadowPolicy"];
        /** Score new traffic with this version too, without routing by it */
        put: operations["startShadowPolicy"];
        post?: never;
        /** Stop shadow scoring */
        delete: operations["stopShadowPolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{key}/split": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a share of new submissions to a version (0 ends it) */
        post: operations["splitPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every prompt of the workspace */
        get: operations["listPrompts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A prompt: versions, labels, split, rollback limits */
        get: operations["getPrompt"];
        /** Add a prompt version (the same document again adds nothing); its `labels` move to it */
        put: operations["putPromptVersion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts/{key}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Two versions as unified diffs per language, partials, variables and model */
        get: operations["diffPromptVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts/{key}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Versions added, labels moved, splits and automatic rollbacks, newest first */
        get: operations["getPromptHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts/{key}/labels/{label}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Point a label (production, staging, fallback, …) at a version of this prompt */
        put: operations["movePromptLabel"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts/{key}/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per version: automation, human rejects, audited error, confidence; the A/B test */
        get: operations["getPromptQuality"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts/{key}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The rendered messages and the version id to send back as the submission's promptVersion
         * @description Serves the `label` asked, else the A/B arm of `unit` (sticky), else `production`, else `fallback` (flagged). A known language without a variant gets the default one (`languageFallback: true`).
         */
        post: operations["resolvePrompt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts/{key}/split": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A/B: percent % of units get b (sticky per unit); 0 ends it */
        put: operations["splitPrompt"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts/{key}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version in full */
        get: operations["getPromptVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every review queue of the workspace */
        get: operations["listQueues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The most urgent task of my queues, with its evidence and a lease */
        post: operations["claimTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/decisions/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back my decision within its undo window: the task is back in my hand with a fresh lease */
        post: operations["undoDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/decisions/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My latest decisions, newest first, with the end of each undo window */
        get: operations["myRecentDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My queues with live waiting and claimed counts */
        get: operations["myReviewQueues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/queues/{queue}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A queue's open tasks, filtered, the most urgent first (leads and admins) */
        get: operations["browseQueueTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task I may see, with its evidence */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/tasks/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, reject, edit or escalate */
        post: operations["decideTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/tasks/{id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend my lease */
        post: operations["heartbeatTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/tasks/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the task back at once */
        post: operations["releaseTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/automation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How decisions split between policy, auto, AI and people */
        get: operations["statsAutomation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/backlog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open tasks per queue and priority, now */
        get: operations["statsBacklog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Decisions or reviewer figures as CSV or JSON, streamed */
        get: operations["statsExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When each queue empties or breaches at current rates */
        get: operations["statsForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/reviewers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-reviewer figures over a range */
        get: operations["statsReviewers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA state per queue */
        get: operations["statsSla"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/throughput": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Arrivals, decisions and time to decision over a range */
        get: operations["statsThroughput"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Figures per pipeline, policy, prompt version and model */
        get: operations["statsVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit an LLM output for a decision
         * @description Committed before it answers 202. With `?wait=<ms>` (≤ 10000): 200 and the decided submission when approved or rejected in time, else 202 with the submission as it stands. The same `Idempotency-Key` and body give the same submission (header `idempotent-replayed: true`); another body is a 409.
         */
        post: operations["createSubmission"];
        /**
         * Erase a data subject's submissions by external id
         * @description Erases, at once and whatever their age, the raw text of every submission of the calling client with this `externalId`: input, output, metadata and callback URL become `{"erased": "request"}`, and every copy of that text too (final and edited outputs, reviewers' comments, outbox bodies). Decisions, scores and stats stay. One not yet decided is first expired (its review task withdrawn). Each gets an `erased` event naming the API key. Other clients' submissions are never touched. `{erased: 0}` when there is nothing (left) to erase.
         */
        delete: operations["eraseSubmissions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A submission with its decision, signals, gates and timeline */
        get: operations["getSubmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every member of the workspace (every user, to a platform admin naming none) */
        get: operations["listUsers"];
        put?: never;
        /** Add a reviewer, lead or admin */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's role, queues or skills */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign a user out everywhere and refuse their tokens */
        post: operations["disableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Let a disabled user sign in again */
        post: operations["enableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My default webhook endpoint and signing secrets */
        get: operations["getWebhookEndpoint"];
        /** Set or remove my default webhook endpoint */
        put: operations["putWebhookEndpoint"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook/secrets/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret; the old one signs too until it expires */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every workspace (platform admins) */
        get: operations["listWorkspaces"];
        put?: never;
        /** Create a workspace (platform admins) */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{key}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give a person a role in a workspace, or change it (the workspace's admins) */
        put: operations["setWorkspaceMember"];
        post?: never;
        /** Take a person out of a workspace and its queues (the workspace's admins) */
        delete: operations["removeWorkspaceMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspaces I may act in, with my role in each */
        get: operations["myWorkspaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @example {
         *       "id": "f95b4d4f-8c39-4a55-a1fe-0c4c2e6b8f11",
         *       "status": "received"
         *     }
         */
        AcceptedSubmission: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["SubmissionStatus"];
        };
        ActivateVersionDto: {
            version: number;
        };
        AddDatasetItemsDto: {
            /** @description Submissions decided by people, of the dataset's pipeline and client */
            submissionIds: string[];
        };
        AlertList: {
            alerts: {
                figures: {
                    [key: string]: number;
                };
                /** Format: date-time */
                firedAt: string;
                /** Format: uuid */
                id: string;
                key: string;
                kind: string;
                message: string;
                /** Format: uuid */
                pipelineId: string | null;
                /** Format: date-time */
                resolvedAt: string | null;
                resolveMessage: string | null;
                /** @enum {string} */
                severity: "warning" | "critical";
                /** @enum {string} */
                status: "firing" | "resolved";
            }[];
        };
        ApiKeyView: {
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        ApplyCalibrationRefitDto: {
            /** @description The Platt map p = 1 / (1 + exp(a·z + b)) on the logit z of the model confidence; a < 0. With b; both left out: refitted now */
            a?: number;
            /** @description The auto-approve threshold on the new scale; left out, the current one is carried over (the same outputs approved) */
            autoApprove?: number;
            /** @description With a */
            b?: number;
            /** @description Why: kept in the pipeline history */
            reason: string;
        };
        ApplyRecalibrationDto: {
            autoApprove: number;
            /** @description Why: kept in the pipeline history */
            reason: string;
        };
        AuditEntry: {
            /** @example pipeline.activate */
            action: string;
            actor: {
                email: string | null;
                /** Format: uuid */
                id: string | null;
                role: string | null;
            };
            /** @description The target after the action (secrets redacted) */
            after: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            at: string;
            /** @description The target before the action (secrets redacted) */
            before: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            id: string;
            ip: string | null;
            reason: string | null;
            /** @description The request body (secrets redacted) */
            request: {
                [key: string]: unknown;
            } | null;
            requestId: string | null;
            /**
             * @description How the call ended: done (it succeeded); failed (it answered with a server error: compare before and after to see whether it changed something anyway); unconfirmed (its outcome never came back, the process stopped or the entry could not be written, so it may have acted: after is the state read later)
             * @enum {string}
             */
            status: "done" | "failed" | "unconfirmed";
            target: {
                id: string | null;
                kind: string;
            };
        };
        /** @description An output approved automatically (and delivered) was overturned by an audit: recall or correct it */
        AuditFailedEvent: {
            data: {
                /** @enum {string|null} */
                approvedBy: "auto" | "ai" | null;
                audit: {
                    comment: string | null;
                    /** @description The reviewer's corrected output, when they edited it */
                    correctedOutput: unknown;
                    reasonCodes: string[];
                    /** Format: uuid */
                    taskId: string;
                    /** @enum {string} */
                    verdict: "overturned";
                };
                externalId: string | null;
                /** Format: uuid */
                id: string;
                links: {
                    events: string;
                    submission: string;
                };
                pipeline: string;
                /** @enum {string} */
                status: "approved";
            };
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "audit.failed";
        };
        AuditPage: {
            entries: components["schemas"]["AuditEntry"][];
            /** @description Cursor of the next (older) page */
            next: string | null;
        };
        AuditPending: {
            /** @example pipeline.activate */
            action: string;
            actor: {
                email: string | null;
                /** Format: uuid */
                id: string | null;
                role: string | null;
            };
            /** Format: date-time */
            announcedAt: string;
            /** @description The target before the action (secrets redacted) */
            before: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            id: string;
            ip: string | null;
            reason: string | null;
            /** @description The request body (secrets redacted) */
            request: {
                [key: string]: unknown;
            } | null;
            requestId: string | null;
            /**
             * @description Announced, not answered yet: running, or its process stopped; it becomes an entry (done, failed or unconfirmed) with the same id, or nothing if refused
             * @enum {string}
             */
            status: "pending";
            target: {
                /** @description Null for a creation, until it answers */
                id: string | null;
                kind: string;
            };
        };
        AuditPendingList: {
            /** @description More calls in flight match than were listed */
            more: boolean;
            pending: components["schemas"]["AuditPending"][];
        };
        AuthConfig: {
            /** @description false: only single sign-on lets people in */
            localLogin: boolean;
            sso: {
                /** @example Keycloak */
                name: string;
                /** @example /v1/auth/oidc/start */
                startUrl: string;
            } | null;
        };
        AutomationStats: {
            aiAgreement: {
                agree: number;
                disagree: number;
                /** @description null when the whole is 0 */
                rate: number | null;
                unsure: number;
            };
            counts: {
                aiDecided: number;
                autoApproved: number;
                humanDecided: number;
                policyDecided: number;
                rejectedByPolicy: number;
            };
            decided: number;
            /** @description null when the whole is 0 */
            humanRejectRate: number | null;
            range: components["schemas"]["StatsRange"];
            routed: number;
            routes: {
                [key: string]: {
                    count: number;
                    /** @description null when the whole is 0 */
                    share: number | null;
                };
            };
            shares: {
                /** @description null when the whole is 0 */
                aiDecided: number | null;
                /** @description null when the whole is 0 */
                autoApproved: number | null;
                /** @description null when the whole is 0 */
                humanDecided: number | null;
                /** @description null when the whole is 0 */
                rejectedByPolicy: number | null;
            };
        };
        BacklogStats: {
            /** Format: date-time */
            at: string;
            queues: {
                atRisk: number;
                breached: number;
                byPriority: {
                    claimed: number;
                    priority: number;
                    waiting: number;
                }[];
                claimed: number;
                /** Format: date-time */
                nextDueAt: string | null;
                oldestPendingAgeSeconds: number | null;
                /** Format: date-time */
                oldestPendingAt: string | null;
                open: number;
                queue: string;
                waiting: number;
            }[];
            totals: {
                atRisk: number;
                breached: number;
                claimed: number;
                open: number;
                waiting: number;
            };
        };
        Breaker: {
            forced: {
                /** @description ms since the epoch */
                at: number;
                by: string;
                reason: string;
                /** @enum {string} */
                state: "open" | "closed";
            } | null;
            settings: {
                coolDownMs: number;
                halfOpenAudits: number;
                halfOpenShare: number;
                jumpWindowMs: number;
                /** @description null: no trip on that jump */
                maxAiFaultJump: number | null;
                /** @description null: no trip on that jump */
                maxGateFailureJump: number | null;
                maxOverrideRate: number;
                minRouted: number;
                minSamples: number;
                window: number;
            } | null;
            /** Format: date-time */
            since: string | null;
            /** @enum {string} */
            state: "closed" | "open" | "half_open";
        };
        CalibrationFigures: {
            brier: number;
            ece: number;
            logLoss: number;
        };
        /** @description p = 1 / (1 + exp(a·z + b)) on the logit z of the model confidence, or the identity */
        CalibrationMap: {
            a: number;
            b: number;
            /** @enum {string} */
            method: "platt";
        } | {
            /** @enum {string} */
            method: "identity";
        };
        CalibrationRefitView: {
            current: {
                aiReview: number | null;
                autoApprove: number | null;
                calibration: components["schemas"]["CalibrationMap"];
            };
            delta: number;
            /** @description A refitted Platt map with its figures, or calibration null and the reason none is proposed */
            proposal: {
                calibration: components["schemas"]["CalibrationMap"];
                /** @description The current thresholds on the new scale: the same outputs approved */
                carried?: {
                    aiReview: number;
                    autoApprove: number;
                };
                effectiveVerdicts: number;
                fit: {
                    after: components["schemas"]["CalibrationFigures"];
                    before: components["schemas"]["CalibrationFigures"];
                };
                reliability: {
                    after: components["schemas"]["ReliabilityBin"][];
                    before: components["schemas"]["ReliabilityBin"][];
                };
                threshold: components["schemas"]["ThresholdProposal"];
            } | {
                /** @enum {number|null} */
                calibration: null;
                reason: string;
                reliability: {
                    before: components["schemas"]["ReliabilityBin"][];
                };
            };
            targetError: number;
            verdicts: {
                audited: number;
                reviewed: number;
            };
        };
        CandidateOutputDto: {
            /** Format: uuid */
            itemId: string;
            text: string;
        };
        ClaimDto: {
            /** @description Only these of my queues (default: all of mine) */
            queues?: string[];
        };
        ClaimResult: {
            task: components["schemas"]["ReviewTask"] | null;
        };
        ClientQuota: {
            /** Format: uuid */
            clientId: string;
            requestsPerSecond: number | null;
        };
        ClientQuotaDto: {
            /** @example 50 */
            requestsPerSecond: number | null;
        };
        ClientView: {
            allowedPipelines: string[] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        ContextDocumentDto: {
            id: string;
            text: string;
        };
        CreateApiKeyDto: {
            clientId: string;
            /** @example production */
            name: string;
        };
        CreateClientDto: {
            /** @description Pipelines this client may submit to; omit for all */
            allowedPipelines?: string[];
            /** @example claims-bot */
            name: string;
        };
        CreatedApiKey: {
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description The key itself: shown once, never stored */
            key: string;
            name: string;
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        CreateDatasetDto: {
            /**
             * Format: uuid
             * @description The client whose decided items it holds (one client's data only)
             */
            client: string;
            /** @description A run below this pass rate fails (default 0.9) */
            minPassRate?: number;
            /** @description Token overlap with the reference an output needs to pass (default 0.5) */
            minSimilarity?: number;
            name: string;
            pipeline: string;
            /** @description The prompt whose versions regression runs generate with */
            prompt?: string;
            rules?: components["schemas"]["DatasetRuleDto"][];
            /** @enum {string} */
            schedule?: "none" | "daily";
        };
        CreateSubmissionDto: {
            callbackUrl?: string;
            externalId?: string;
            input: components["schemas"]["SubmissionInputDto"];
            /** @description Free-form object, e.g. customer tier (priority rules read it) */
            metadata?: {
                [key: string]: unknown;
            };
            model: components["schemas"]["ModelDto"];
            output: components["schemas"]["SubmissionOutputDto"];
            /** @example demo */
            pipeline: string;
            promptVersion?: string;
        };
        CreateUserDto: {
            email: string;
            password?: string;
            queues?: string[];
            /** @enum {string} */
            role: "reviewer" | "lead" | "admin";
            /** @description e.g. languages: ["th", "en"] */
            skills?: string[];
        };
        CreateWorkspaceDto: {
            /**
             * @description Lower-case letters, digits and dashes
             * @example claims-team
             */
            key: string;
            /** @example Claims team */
            name: string;
        };
        DatasetItemList: {
            items: {
                /** @description {text} or {json} */
                correctedOutput: {
                    [key: string]: unknown;
                } | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                /** @description The submission input: prompt, context, language */
                input: {
                    [key: string]: unknown;
                };
                language: string | null;
                /** @description {text} or {json} */
                output: {
                    [key: string]: unknown;
                };
                reasons: string[];
                /** @enum {string} */
                source: "api" | "rule";
                /** Format: uuid */
                submissionId: string | null;
                /** @description What the prompt is rendered with in a run */
                variables: {
                    [key: string]: unknown;
                };
                /** @enum {string} */
                verdict: "approved" | "rejected" | "edited";
            }[];
            /** @description Pass as `cursor` for the next page of items; null on the last */
            nextCursor: string | null;
        };
        DatasetItemsAdded: {
            added: number;
            dataset: components["schemas"]["DatasetView"];
        };
        DatasetList: {
            datasets: components["schemas"]["DatasetView"][];
        };
        DatasetRuleDto: {
            /** @enum {string} */
            kind: "approvals" | "rejections" | "edits";
            /** @description Only items reviewed in this queue */
            queue?: string;
        };
        DatasetView: {
            /** Format: uuid */
            client: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            items: number;
            minPassRate: number;
            minSimilarity: number;
            name: string;
            pipeline: string;
            prompt: string | null;
            rules: {
                [key: string]: unknown;
            }[];
            /** @enum {string} */
            schedule: "none" | "daily";
        };
        DeadLetter: {
            attempts: number;
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deadAt: string;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            /** Format: uuid */
            submissionId: string;
            type: components["schemas"]["OutcomeEventType"];
        };
        DeadLetterScopeDto: {
            /** @description Only this client (all clients when absent) */
            clientId?: string;
        };
        DecideDto: {
            /** @enum {string} */
            action: "approve" | "reject" | "edit" | "escalate";
            comment?: string;
            /** @description Required for edit */
            editedOutput?: components["schemas"]["EditedOutputDto"];
            /** @description The lease token returned by claim */
            leaseToken: string;
            /** @description Codes from the pipeline's review.reasonCodes; required on reject */
            reasonCodes?: string[];
        };
        Decision: {
            /** @description The AI reviewer's verdict, when one was asked */
            aiReview?: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            decidedBy?: "policy" | "auto" | "ai" | "human";
            edited?: boolean;
            finalOutput?: {
                /** @description A structured output */
                json?: unknown;
                text?: string;
            };
            flags?: string[];
            originalOutput?: {
                /** @description A structured output */
                json?: unknown;
                text?: string;
            };
            /** @enum {string|null} */
            outcome: "approved" | "rejected" | "expired" | null;
            /** @description An auto-approval also sampled for a human QA audit */
            qaSample?: boolean;
            /** @description The audit sampling rate it was drawn at */
            qaSampleRate?: number;
            reasons: {
                code: string;
                message: string;
            }[];
            /** @description Who decided, for a human decision */
            reviewers?: string[];
            /** @description For a routed, undecided submission: ai_review or human_review */
            route?: string;
        };
        DecisionExportRow: {
            action: string;
            /** Format: date-time */
            decidedAt: string;
            finalOutcome: string | null;
            handlingMs: number | null;
            pipeline: string;
            queue: string;
            reasonCodes: string[];
            reviewerEmail: string | null;
            reviewerId: string;
            seq: number;
            submissionId: string;
            taskId: string;
        };
        DecisionResult: {
            /**
             * Format: uuid
             * @description With an undo window: the decision to undo
             */
            decisionId?: string;
            /** @enum {string} */
            outcome: "approved" | "rejected";
            /** @enum {string} */
            result: "decided";
            /**
             * Format: date-time
             * @description With an undo window: until when it can be undone (nothing is delivered before)
             */
            undoableUntil?: string;
        } | {
            have: number;
            need: number;
            /** @enum {string} */
            result: "waiting";
        } | {
            queue: string;
            /** @enum {string} */
            result: "escalated";
        } | {
            /** @enum {string} */
            result: "audited";
            /** @enum {string} */
            verdict: "agreed" | "overturned";
        };
        EditedOutputDto: {
            json?: {
                [key: string]: unknown;
            };
            text?: string;
        };
        /**
         * @example {
         *       "erased": 2
         *     }
         */
        ErasureResult: {
            /** @description Submissions whose text this request erased (0: none, or already erased) */
            erased: number;
        };
        /** @description The error rate among automatic approvals, from audits */
        EscapedErrorEstimate: {
            audits: number;
            delta: number;
            /** @description Kish's effective sample size */
            effectiveAudits: number;
            /** @description Weighted by 1 / sampling rate; null without audits */
            errorRate: number | null;
            overturned: number;
            /** @description One-sided Clopper-Pearson bound at 1 - delta */
            upperBound: number;
        };
        EstimateGroup: {
            audits: number;
            delta: number;
            /** @description Kish's effective sample size */
            effectiveAudits: number;
            /** @description Weighted by 1 / sampling rate; null without audits */
            errorRate: number | null;
            key: string | null;
            overturned: number;
            /** @description One-sided Clopper-Pearson bound at 1 - delta */
            upperBound: number;
        };
        EventsFeed: {
            events: components["schemas"]["FeedEvent"][];
            hasMore: boolean;
            /** @description Pass as `after` to continue */
            nextCursor: string;
        };
        FeedEvent: {
            /** Format: date-time */
            createdAt: string;
            cursor: string;
            /** @description Also the webhook-id of its webhook */
            id: string;
            payload: components["schemas"]["OutcomeEvent"];
            /** Format: uuid */
            submissionId: string;
            type: components["schemas"]["OutcomeEventType"];
        };
        ForceBreakerDto: {
            /** @description Why: kept in the pipeline history */
            reason: string;
            /** @enum {string} */
            state: "open" | "closed" | "auto";
        };
        ForecastStats: {
            /** Format: date-time */
            at: string;
            nextBreach: {
                /** Format: date-time */
                at: string;
                queue: string;
            } | null;
            queues: {
                backlog: number;
                /** Format: date-time */
                breachAt: string | null;
                clearedPerMin: number;
                /** Format: date-time */
                emptiesAt: string | null;
                inflowPerMin: number;
                queue: string;
                /** @enum {string} */
                trend: "empty" | "shrinking" | "steady" | "growing";
            }[];
            windowMinutes: number;
        };
        GateFinding: {
            code: string;
            message: string;
            spans?: components["schemas"]["Span"][];
            suggestion?: string;
        };
        GateResult: {
            findings: components["schemas"]["GateFinding"][];
            /** @enum {string} */
            onFail: "reject" | "human" | "flag";
            passed: boolean;
            type: string;
        };
        Health: {
            checks: {
                postgres: string;
                redis: string;
            };
            /**
             * @description "ok", or "down: <names>" with a 503
             * @example ok
             */
            status: string;
        };
        LeaseDto: {
            /** @description The lease token returned by claim */
            leaseToken: string;
        };
        LeaseExtended: {
            /** Format: date-time */
            leaseExpiresAt: string;
        };
        LoginDto: {
            /** @example admin@example.com */
            email: string;
            password: string;
        };
        ModelDto: {
            /** @example gpt-4o-mini */
            name: string;
            /** @example openai */
            provider: string;
            version?: string;
        };
        MoveLabelDto: {
            /** @description Why: kept in the prompt history */
            reason?: string;
            /** @description Version number of this prompt (or give versionId) */
            version?: number;
            /**
             * Format: uuid
             * @description Version id; it must be a version of this prompt
             */
            versionId?: string;
        };
        MyWorkspaces: {
            platformAdmin: boolean;
            workspaces: {
                key: string;
                name: string;
                /** @enum {string} */
                role: "reviewer" | "lead" | "admin";
            }[];
        };
        /** @description The body of an outcome webhook, signed per Standard Webhooks; also each feed event's payload */
        OutcomeEvent: components["schemas"]["SubmissionEvent"] | components["schemas"]["AuditFailedEvent"];
        /** @enum {string} */
        OutcomeEventType: "submission.approved" | "submission.rejected" | "submission.expired" | "submission.routed" | "audit.failed";
        OversightView: {
            breaker: components["schemas"]["Breaker"];
            escapedErrors: {
                byModelVersion: components["schemas"]["EstimateGroup"][];
                byPolicyVersion: components["schemas"]["EstimateGroup"][];
                byPromptVersion: components["schemas"]["EstimateGroup"][];
                overall: components["schemas"]["EscapedErrorEstimate"];
            };
            history: {
                actor: string;
                cause: string;
                /** Format: date-time */
                createdAt: string;
                figures: {
                    [key: string]: number;
                };
                fromState: string | null;
                id: string;
                /** @enum {string} */
                kind: "breaker" | "rollout" | "recalibration";
                message: string;
                toState: string | null;
            }[];
            rollout: {
                minAudits: number;
                share: number;
                /** Format: date-time */
                since: string | null;
                step: number;
                steps: number[];
                targetError: number;
            } | null;
        };
        PipelineView: {
            activeVersion: number | null;
            key: string;
            previousVersions: number[];
            split: {
                percent: number;
                version: number;
            } | null;
            versions: components["schemas"]["PolicyVersion"][];
        };
        PolicyCheck: {
            problems: {
                column: number | null;
                line: number | null;
                message: string;
                path: string;
            }[];
            /** @description true when PUT would accept the document */
            valid: boolean;
            warnings: {
                column: number | null;
                line: number | null;
                message: string;
                path: string;
            }[];
        };
        PolicyPutResult: {
            /** @description false when the same document was already a version */
            created: boolean;
            pipeline: components["schemas"]["PipelineView"];
            version: number;
            warnings: {
                message: string;
                path: string;
            }[];
        };
        PolicyVersion: {
            checksum: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The policy as uploaded */
            document: {
                [key: string]: unknown;
            };
            /** @description The policy as it is scored, defaults filled in */
            effective: {
                [key: string]: unknown;
            };
            /** @example api */
            source: string;
            version: number;
            warnings: {
                message: string;
                path: string;
            }[];
        };
        /**
         * @description The error body of every 4xx and 5xx
         * @example {
         *       "statusCode": 400,
         *       "error": "Bad Request",
         *       "message": "pipeline must be a pipeline key (a-z, 0-9, -; at most 63)",
         *       "problems": [
         *         {
         *           "path": "pipeline",
         *           "message": "pipeline must be a pipeline key (a-z, 0-9, -; at most 63)"
         *         }
         *       ]
         *     }
         */
        Problem: {
            /** @description Fastify's error code, when the HTTP server refused the request itself */
            code?: string;
            /** @description The status text, e.g. "Bad Request"; an OAuth 2.0 error code where an identity provider is the caller (`invalid_request`) */
            error: string;
            /** @description The OAuth 2.0 error description, with an OAuth 2.0 error code in `error` */
            error_description?: string;
            message: string;
            /** @description Each bad field, when the refusal is about fields */
            problems?: {
                message: string;
                path: string;
            }[];
            statusCode: number;
        };
        PromptDiff: {
            from: number;
            model: {
                changed: boolean;
                from: {
                    [key: string]: unknown;
                };
                to: {
                    [key: string]: unknown;
                };
            };
            notes: {
                from: string | null;
                to: string | null;
            };
            partials: {
                /** @enum {string} */
                change: "added" | "removed" | "changed" | "same";
                diff: string | null;
                name: string;
            }[];
            to: number;
            variables: {
                changed: boolean;
                diff: string | null;
            };
            variants: {
                /** @enum {string} */
                change: "added" | "removed" | "changed" | "same";
                diff: string | null;
                language: string;
            }[];
        };
        PromptHistory: {
            events: {
                actor: string;
                cause: string;
                /** Format: date-time */
                createdAt: string;
                figures: {
                    [key: string]: number;
                };
                /** Format: uuid */
                fromVersionId: string | null;
                id: string;
                /** @enum {string} */
                kind: "version_created" | "label_moved" | "split_set" | "rolled_back";
                label: string | null;
                /** Format: uuid */
                toVersionId: string | null;
            }[];
        };
        PromptList: {
            prompts: {
                description: string | null;
                key: string;
            }[];
        };
        PromptPutResult: {
            created: boolean;
            prompt: components["schemas"]["PromptView"];
            version: components["schemas"]["PromptVersionView"];
        };
        PromptQuality: {
            abTest: {
                a: {
                    ref: string;
                    /** Format: uuid */
                    versionId: string | null;
                };
                b: {
                    ref: string;
                    /** Format: uuid */
                    versionId: string | null;
                };
                pValue: number | null;
                /** @enum {string|null} */
                suggestedWinner: "a" | "b" | null;
                z: number | null;
            } | null;
            prompt: string;
            versions: {
                auditedError: components["schemas"]["EscapedErrorEstimate"];
                automationRate: number | null;
                confidence: {
                    histogram: number[];
                    mean: number | null;
                    p10: number | null;
                    p50: number | null;
                    p90: number | null;
                };
                decided: number;
                humanDecided: number;
                humanRejectRate: number | null;
                labels: string[];
                submissions: number;
                version: number;
                /** Format: uuid */
                versionId: string;
            }[];
        };
        PromptSplitDto: {
            /** @description Control arm: a label or a version number */
            a: string;
            /** @description Candidate arm: a label or a version number */
            b: string;
            percent: number;
            reason?: string;
        };
        PromptVersionView: {
            author: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description provider, model, temperature, maxTokens, fallbackProviders */
            model: {
                [key: string]: unknown;
            };
            notes: string | null;
            prompt: string;
            source: string;
            template: {
                defaultLanguage: string;
                partials: {
                    [key: string]: string;
                };
                variants: {
                    [key: string]: {
                        content: string;
                        /** @enum {string} */
                        role: "system" | "user" | "assistant";
                    }[];
                };
            };
            /** @description JSON Schema of the variables */
            variables: {
                [key: string]: unknown;
            };
            version: number;
        };
        PromptView: {
            description: string | null;
            key: string;
            labels: {
                [key: string]: {
                    /** Format: uuid */
                    previousVersionId: string | null;
                    /** Format: date-time */
                    updatedAt: string;
                    version: number;
                    /** Format: uuid */
                    versionId: string;
                };
            };
            rollback: {
                maxAuditedErrorIncrease: number;
                maxRejectRateIncrease: number;
                minAudits: number;
                minSamples: number;
                /** @enum {string} */
                target: "previous" | "fallback";
            };
            split: {
                a: string;
                b: string;
                percent: number;
            } | null;
            versions: {
                author: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                languages: string[];
                notes: string | null;
                source: string;
                version: number;
            }[];
        };
        QueueCounts: {
            claimed: number;
            queue: string;
            waiting: number;
        };
        QueueList: {
            queues: string[];
        };
        QueueTasks: {
            /** @description More tasks match than `limit` */
            more: boolean;
            queue: string;
            tasks: {
                /** @description Email of the reviewer holding it */
                claimedBy: string | null;
                confidence: number | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                dueAt: string;
                externalId: string | null;
                /** Format: uuid */
                id: string;
                kind: string;
                pipeline: string;
                policyVersion: number;
                priority: number;
                /** @description Routing reason codes */
                reasons: string[];
                slaState: string;
                /** @enum {string} */
                status: "pending" | "claimed";
            }[];
        };
        RecalibrationApplied: {
            pipeline: components["schemas"]["PipelineView"];
            version: number;
        };
        RecalibrationView: {
            currentAutoApprove: number | null;
            delta: number;
            /** @description A threshold with its figures, or threshold null and the reason none fits the target */
            proposal: {
                approvedShare: number;
                effectiveVerdicts: number;
                errorRate: number;
                threshold: number;
                upperBound: number;
            } | {
                reason: string;
                /** @enum {number|null} */
                threshold: null;
            };
            reliability: {
                from: number;
                meanConfidence: number;
                observedAcceptable: number;
                to: number;
                verdicts: number;
            }[];
            targetError: number;
            verdicts: {
                audited: number;
                reviewed: number;
            };
        };
        RecentDecisions: {
            decisions: {
                /** @enum {string} */
                action: "approve" | "reject" | "edit" | "escalate";
                /** Format: date-time */
                decidedAt: string;
                /** Format: uuid */
                id: string;
                queue: string;
                reasonCodes: string[];
                /** @enum {string} */
                state: "pending" | "final" | "undone" | "lapsed";
                /** Format: uuid */
                submissionId: string;
                /** Format: uuid */
                taskId: string;
                /**
                 * Format: date-time
                 * @description Until when it can be undone; null once it cannot
                 */
                undoableUntil: string | null;
            }[];
        };
        RefreshDto: {
            refreshToken: string;
        };
        RegressionRun: {
            costUsd: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            datasetId: string;
            error: string | null;
            errored: number;
            failed: number;
            /** Format: date-time */
            finishedAt: string | null;
            fixed: number;
            /** Format: uuid */
            id: string;
            items: number;
            model: string | null;
            passed: number;
            passRate: number | null;
            /** Format: uuid */
            previousRunId: string | null;
            promptVersion: number | null;
            /** Format: uuid */
            promptVersionId: string | null;
            regressions: number;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /** @description {kind: api | schedule | model_change, by?, model?} */
            trigger: {
                [key: string]: unknown;
            };
            uploaded: boolean;
            /** @enum {string|null} */
            verdict: "passed" | "regressed" | "below_target" | null;
        };
        RegressionRunList: {
            runs: components["schemas"]["RegressionRun"][];
        };
        RegressionRunReport: {
            items: {
                candidate: string | null;
                /** @enum {string} */
                change: "regressed" | "fixed" | "same" | "new";
                confidence: number | null;
                costUsd: number;
                /** @description Word diff from the reference to the candidate: [-removed-]{+added+} */
                diff: string | null;
                /** Format: uuid */
                itemId: string;
                model: string | null;
                /** @enum {string|null} */
                previousStatus: "passed" | "failed" | "error" | null;
                provider: string | null;
                reason: string;
                reference: string | null;
                route: string | null;
                similarity: number | null;
                /** @enum {string} */
                status: "passed" | "failed" | "error";
                /** Format: uuid */
                submissionId: string | null;
                /** @enum {string|null} */
                verdict: "approved" | "rejected" | "edited" | null;
            }[];
            /** @description Pass as `cursor` for the next page of the run's items; null on the last */
            nextCursor: string | null;
            run: components["schemas"]["RegressionRun"];
        };
        Released: {
            /** @enum {boolean} */
            released: true;
        };
        ReliabilityBin: {
            from: number;
            meanConfidence: number;
            observedAcceptable: number;
            to: number;
            verdicts: number;
        };
        ReplayResult: {
            replayed: number;
        };
        ResolvedPrompt: {
            /** @enum {string|null} */
            arm: "a" | "b" | null;
            fallback: boolean;
            label: string | null;
            language: string;
            languageFallback: boolean;
            messages: {
                content: string;
                /** @enum {string} */
                role: "system" | "user" | "assistant";
            }[];
            /** @description The version's model settings */
            model: {
                [key: string]: unknown;
            };
            prompt: string;
            version: number;
            /** Format: uuid */
            versionId: string;
        };
        ResolvePromptDto: {
            /** @description Serve this label instead of production or the split */
            label?: string;
            /** @description BCP 47 language, e.g. en, ms, th; a known language without a variant gets the default one, flagged */
            language?: string;
            /** @description What the A/B split is sticky for (a user or conversation id) */
            unit?: string;
            /** @description Values of the version's variables (checked against its schema; inserted as data, never as template code) */
            variables?: {
                [key: string]: unknown;
            };
        };
        ReviewersStats: {
            range: components["schemas"]["StatsRange"];
            reviewers: components["schemas"]["ReviewerStats"][];
        };
        ReviewerStats: {
            byAction: {
                [key: string]: number;
            };
            decisions: number;
            email: string | null;
            judged: number;
            medianHandlingMs: number | null;
            overturned: number;
            /** @description null when the whole is 0 */
            overturnRate: number | null;
            reviewerId: string;
        };
        ReviewTask: {
            canEscalate: boolean;
            /** @description review.guidelines of the policy version that judged the submission: the reviewers' instructions, text or markdown */
            guidelines: string | null;
            reasonCodes: string[];
            submission: {
                confidence: number | null;
                /** Format: date-time */
                createdAt: string;
                externalId: string | null;
                gates: components["schemas"]["GateResult"][];
                /** Format: uuid */
                id: string;
                input: {
                    context?: {
                        id: string;
                        text: string;
                    }[];
                    language?: string;
                    prompt?: string;
                };
                metadata: {
                    [key: string]: unknown;
                } | null;
                model: {
                    name?: string;
                    provider?: string;
                    version?: string;
                };
                output: {
                    /** @description A structured output */
                    json?: unknown;
                    samples?: string[];
                    text?: string;
                } & {
                    [key: string]: unknown;
                };
                pipeline: string;
                policyVersion: number;
                routing: components["schemas"]["Decision"] | null;
                signals: components["schemas"]["SignalResult"][];
            };
            task: {
                consensus: number;
                /** Format: date-time */
                dueAt: string;
                /** Format: uuid */
                id: string;
                kind: string;
                /** Format: date-time */
                leaseExpiresAt?: string | null;
                /** @description Present for the reviewer holding the lease */
                leaseToken?: string;
                priority: number;
                queue: string;
                /** @description e.g. ["th"]: only readers of Thai */
                requiredSkills: string[];
                skillFallback: boolean;
                /** @enum {string} */
                slaState: "ok" | "at_risk" | "breached";
                status: string;
            };
        };
        Revoked: {
            /** @enum {boolean} */
            revoked: true;
        };
        RotateWebhookSecretDto: {
            /** @description How long the old secret keeps signing (default from config) */
            overlapSeconds?: number;
        };
        ShadowComparison: {
            active: {
                auditedErrorRate: number | null;
                automationRate: number | null;
            };
            activeVersion: number | null;
            agreement: number | null;
            audited: number;
            humanDecided: number;
            items: number;
            pipeline: string;
            shadow: {
                approvedButHumanRejected: number;
                auditedApprovals: number;
                auditedErrorRate: number | null;
                automationRate: number | null;
            };
            shadowVersion: number;
            /** Format: date-time */
            since: string;
        };
        SignalResult: {
            contribution: number;
            /** @description What the signal saw (shape per signal) */
            evidence: unknown;
            missing: boolean;
            name: string;
            score: number | null;
            weight: number;
        };
        SlaStats: {
            /** Format: date-time */
            at: string;
            atRiskMarginMs: number;
            queues: {
                atRisk: number;
                breached: number;
                /** @description null when the whole is 0 */
                breachRate: number | null;
                closed: number;
                closedAfterDue: number;
                /** Format: date-time */
                nextDueAt: string | null;
                queue: string;
            }[];
            range: components["schemas"]["StatsRange"];
            totals: {
                atRisk: number;
                breached: number;
            };
        };
        Span: {
            end?: number;
            path?: string;
            start?: number;
            text?: string;
        };
        SplitDto: {
            /** @description 0 ends the split */
            percent: number;
            /** @description The version that receives `percent` % of new submissions */
            version: number;
        };
        SsoExchangeDto: {
            code: string;
        };
        SsoSession: {
            /** @description Send as `Authorization: Bearer <accessToken>` */
            accessToken: string;
            /** @description The signed-in user's email */
            email: string;
            /** @description Seconds the access token lives */
            expiresIn: number;
            refreshToken: string;
        };
        StartRunDto: {
            /** @description Score these outputs instead of generating */
            candidates?: components["schemas"]["CandidateOutputDto"][];
            /** @description Model to generate with instead of the version's */
            model?: string;
            /** @description Version of the dataset's prompt (default: its production label) */
            promptVersion?: number;
        };
        /** @description The range a figure was computed over, rounded out to whole buckets */
        StatsRange: {
            /** Format: date-time */
            from: string;
            /** @enum {string} */
            grain: "minute" | "hour";
            /** Format: date-time */
            to: string;
        };
        /** @description A submission reached a final state (or, when subscribed, was routed) */
        SubmissionEvent: {
            data: {
                /** Format: date-time */
                decidedAt: string | null;
                decision: {
                    /** @enum {string|null} */
                    decidedBy: "policy" | "auto" | "ai" | "human" | null;
                    /** @description What goes out: the edited output, else the submitted one (approved); null otherwise */
                    finalOutput: unknown;
                    flags: string[];
                    /** @enum {string|null} */
                    outcome: "approved" | "rejected" | "expired" | null;
                    reasons: {
                        code: string;
                        message: string;
                    }[];
                    /** @description Only on submission.routed */
                    route?: string;
                };
                externalId: string | null;
                /** Format: uuid */
                id: string;
                links: {
                    events: string;
                    submission: string;
                };
                pipeline: string;
                status: string;
            };
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "submission.approved" | "submission.rejected" | "submission.expired" | "submission.routed";
        };
        SubmissionInputDto: {
            context?: components["schemas"]["ContextDocumentDto"][];
            /** @description BCP 47 language of the conversation, e.g. "en", "th" */
            language?: string;
            prompt?: string;
        };
        SubmissionOutputDto: {
            /** @description A structured output (object or array) */
            json?: {
                [key: string]: unknown;
            };
            /** @description Token log-probabilities (≤ 0) */
            logprobs?: number[];
            /** @description Other samples for self-consistency */
            samples?: string[];
            /** @description The text output (text or json is required) */
            text?: string;
        };
        /** @enum {string} */
        SubmissionStatus: "received" | "scoring" | "approved" | "rejected" | "ai_review" | "human_review" | "expired";
        SubmissionView: {
            confidence: number | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            decision: components["schemas"]["Decision"] | null;
            externalId: string | null;
            gates: components["schemas"]["GateResult"][];
            /** Format: uuid */
            id: string;
            /** @description provider, name, version as submitted */
            model: {
                [key: string]: unknown;
            };
            pipeline: string;
            policyVersion: number;
            promptVersion: string | null;
            signals: components["schemas"]["SignalResult"][];
            status: components["schemas"]["SubmissionStatus"];
            timeline: components["schemas"]["TimelineEntry"][];
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description A threshold with its figures, or threshold null and the reason none fits the target */
        ThresholdProposal: {
            approvedShare: number;
            effectiveVerdicts: number;
            errorRate: number;
            threshold: number;
            upperBound: number;
        } | {
            reason: string;
            /** @enum {number|null} */
            threshold: null;
        };
        ThroughputStats: {
            range: components["schemas"]["StatsRange"];
            series: {
                arrivals: number;
                /** Format: date-time */
                at: string;
                decisions: number;
            }[];
            timeToDecision: {
                [key: string]: {
                    count: number;
                    p50Ms: number | null;
                    p90Ms: number | null;
                };
            };
            totals: {
                arrivals: number;
                decisions: number;
            };
        };
        TimelineEntry: {
            actor: string;
            /** Format: date-time */
            at: string;
            data: {
                [key: string]: unknown;
            } | null;
            from: string | null;
            to: string | null;
            /** @example submission.transition */
            type: string;
        };
        TokenPair: {
            /** @description Send as `Authorization: Bearer <accessToken>` */
            accessToken: string;
            /** @description Seconds the access token lives */
            expiresIn: number;
            refreshToken: string;
        };
        UpdateUserDto: {
            queues?: string[];
            /** @enum {string} */
            role?: "reviewer" | "lead" | "admin";
            /** @description e.g. languages: ["th", "en"] */
            skills?: string[];
        };
        UpdateWebhookEndpointDto: {
            /**
             * @description Also send submission.routed for intermediate states
             * @default false
             */
            subscribeRouted: boolean;
            /** @description null removes the default endpoint */
            url: string | null;
        };
        UserView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            disabledAt: string | null;
            email: string;
            /** Format: uuid */
            id: string;
            queues: string[];
            /**
             * @description The role in the caller's workspace; to a platform admin naming none, the platform role (admin: a platform admin)
             * @enum {string}
             */
            role: "reviewer" | "lead" | "admin";
            skills: string[];
            /** @description The workspaces the person holds a role in (of the caller's workspace only) */
            workspaces: {
                key: string;
                /** @enum {string} */
                role: "reviewer" | "lead" | "admin";
            }[];
        };
        VersionsStats: {
            range: components["schemas"]["StatsRange"];
            versions: {
                decided: number;
                humanDecided: number;
                /** @description null when the whole is 0 */
                humanRejectRate: number | null;
                model: string;
                pipeline: string;
                policyVersion: number;
                promptVersion: string | null;
                routed: number;
                routeShares: {
                    [key: string]: number | null;
                };
            }[];
        };
        WebhookEndpoint: {
            secrets: components["schemas"]["WebhookSecret"][];
            subscribeRouted: boolean;
            url: string | null;
        };
        WebhookSecret: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Configure it in a Standard Webhooks verifier */
            secret: string;
        };
        Workspace: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example claims-team */
            key: string;
            members: number;
            name: string;
        };
        WorkspaceMember: {
            email: string;
            /** @enum {string} */
            role: "reviewer" | "lead" | "admin";
            /** Format: uuid */
            userId: string;
            /** @description The workspace's key */
            workspace: string;
        };
        WorkspaceMemberDto: {
            /** @enum {string} */
            role: "reviewer" | "lead" | "admin";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    adminListDeadLetters: {
        parameters: {
            query?: {
                /** @description Only this client (all clients when absent) */
                clientId?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetter"][];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminReplayDeadLetter: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayResult"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminReplayDeadLetters: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeadLetterScopeDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayResult"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAlerts: {
        parameters: {
            query?: {
                limit?: number;
                /** @description A pipeline key */
                pipeline?: string;
                status?: "firing" | "resolved";
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertList"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"][];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revoked"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                /** @description An action (`pipeline.activate`), or every action of a kind (`pipeline.`) */
                action?: string;
                /** @description The actor: a user's id or email */
                actor?: string;
                /** @description The `next` cursor of the previous page */
                cursor?: string;
                /** @description From this instant (ISO 8601) */
                from?: string;
                limit?: number;
                /** @description Before this instant (ISO 8601, exclusive) */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportAuditEntries: {
        parameters: {
            query?: {
                /** @description An action (`pipeline.activate`), or every action of a kind (`pipeline.`) */
                action?: string;
                /** @description The actor: a user's id or email */
                actor?: string;
                /** @description From this instant (ISO 8601) */
                from?: string;
                /** @description Also export the calls in flight (announced, not answered yet), before the entries, each with status `pending` */
                includePending?: boolean;
                /** @description Before this instant (ISO 8601, exclusive) */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One AuditEntry per line. With includePending=true, first one line per call in flight, newest first: the fields of an AuditEntry with status `pending`, `at` when the call was announced and `after` null; its entry, once appended, has the same id (a call answered while the export is read is exported once, as pending) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPendingAuditActions: {
        parameters: {
            query?: {
                /** @description An action (`pipeline.activate`), or every action of a kind (`pipeline.`) */
                action?: string;
                /** @description The actor: a user's id or email */
                actor?: string;
                /** @description From this instant (ISO 8601) */
                from?: string;
                limit?: number;
                /** @description Before this instant (ISO 8601, exclusive) */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPendingList"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    authConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthConfig"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ssoBackchannelLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description The provider's signed logout token (a JWT) */
                    logout_token: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The single sign-on provider could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ssoCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Go to the `Location` header */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The single sign-on provider could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ssoExchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoExchangeDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoSession"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ssoStart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Go to the `Location` header */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The single sign-on provider could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientView"][];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClientDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setClientQuota: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientQuotaDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientQuota"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDatasets: {
        parameters: {
            query?: {
                pipeline?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetList"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDataset: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDatasetDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDataset: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    collectDatasetItems: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetItemsAdded"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportDataset: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One JSON object per line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDatasetItems: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page (absent: the first) */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetItemList"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addDatasetItems: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddDatasetItemsDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetItemsAdded"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeDatasetItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRegressionRuns: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegressionRunList"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startRegressionRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartRunDto"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegressionRun"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegressionRun: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page (absent: the first) */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegressionRunReport"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetter"][];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayResult"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayResult"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Cursor of the last event already seen (0 or absent: from the start) */
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsFeed"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPolicy: {
        parameters: {
            query?: {
                activate?: boolean;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        /** @description A policy document (docs/policy.md), JSON or YAML (Content-Type: application/yaml) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/yaml": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyPutResult"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activatePolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivateVersionDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    forceBreaker: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForceBreakerDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Breaker"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        /** @description A policy document, JSON or YAML (Content-Type: application/yaml) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/yaml": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyCheck"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOversight: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OversightView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRecalibration: {
        parameters: {
            query?: {
                /** @description strictly between 0 and 1 */
                delta?: number;
                /** @description strictly between 0 and 1 */
                targetError?: number;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecalibrationView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applyRecalibration: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyRecalibrationDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecalibrationApplied"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCalibrationRefit: {
        parameters: {
            query?: {
                /** @description strictly between 0 and 1 */
                delta?: number;
                /** @description strictly between 0 and 1 */
                targetError?: number;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibrationRefitView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applyCalibrationRefit: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyCalibrationRefitDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecalibrationApplied"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rollbackPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    compareShadowPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShadowComparison"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startShadowPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivateVersionDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShadowComparison"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    stopShadowPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    splitPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SplitDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPrompts: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptList"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPrompt: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPromptVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        /** @description A prompt version (docs/prompts.md): template, variables, model, notes, labels */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptPutResult"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    diffPromptVersions: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptDiff"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPromptHistory: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptHistory"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    movePromptLabel: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
                label: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveLabelDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPromptQuality: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptQuality"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolvePrompt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolvePromptDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolvedPrompt"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    splitPrompt: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PromptSplitDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPromptVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptVersionView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listQueues: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueList"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    claimTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimResult"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    undoDecision: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewTask"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    myRecentDecisions: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecentDecisions"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    myReviewQueues: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueCounts"][];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    browseQueueTasks: {
        parameters: {
            query?: {
                /** @description Only tasks due at or before this time (ISO 8601) */
                dueBefore?: string;
                limit?: number;
                /** @description Only tasks this urgent or more (lower is more urgent) */
                maxPriority?: number;
                /** @description Only tasks of this pipeline */
                pipeline?: string;
                /** @description Only tasks whose routing reasons include this code (e.g. validator.pii) */
                reason?: string;
                /** @description open (default): waiting and in review; pending: waiting; claimed: in review */
                status?: "open" | "pending" | "claimed";
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                queue: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueTasks"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewTask"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResult"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    heartbeatTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaseDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeaseExtended"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaseDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Released"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    statsAutomation: {
        parameters: {
            query?: {
                /** @description Start of the range (ISO 8601); default: `to` minus 1 hour */
                from?: string;
                /** @description Series resolution; default: minute up to 6 hours, hour beyond */
                grain?: "minute" | "hour";
                /** @description Pipeline key */
                pipeline?: string;
                /** @description Review queue name */
                queue?: string;
                /** @description End of the range (ISO 8601, exclusive); default: now */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutomationStats"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    statsBacklog: {
        parameters: {
            query?: {
                /** @description Start of the range (ISO 8601); default: `to` minus 1 hour */
                from?: string;
                /** @description Series resolution; default: minute up to 6 hours, hour beyond */
                grain?: "minute" | "hour";
                /** @description Pipeline key */
                pipeline?: string;
                /** @description Review queue name */
                queue?: string;
                /** @description End of the range (ISO 8601, exclusive); default: now */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BacklogStats"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    statsExport: {
        parameters: {
            query?: {
                /** @description Default csv */
                format?: "csv" | "json";
                /** @description Start of the range (ISO 8601); default: `to` minus 1 hour */
                from?: string;
                /** @description Series resolution; default: minute up to 6 hours, hour beyond */
                grain?: "minute" | "hour";
                /** @description What to export; default decisions */
                kind?: "decisions" | "reviewers";
                /** @description Pipeline key */
                pipeline?: string;
                /** @description Review queue name */
                queue?: string;
                /** @description End of the range (ISO 8601, exclusive); default: now */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A CSV file (format=csv, the default) or a JSON array (format=json) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["DecisionExportRow"] | components["schemas"]["ReviewerStats"])[];
                    "text/csv": string;
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    statsForecast: {
        parameters: {
            query?: {
                /** @description Start of the range (ISO 8601); default: `to` minus 1 hour */
                from?: string;
                /** @description Series resolution; default: minute up to 6 hours, hour beyond */
                grain?: "minute" | "hour";
                /** @description Pipeline key */
                pipeline?: string;
                /** @description Review queue name */
                queue?: string;
                /** @description End of the range (ISO 8601, exclusive); default: now */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastStats"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    statsReviewers: {
        parameters: {
            query?: {
                /** @description Start of the range (ISO 8601); default: `to` minus 1 hour */
                from?: string;
                /** @description Series resolution; default: minute up to 6 hours, hour beyond */
                grain?: "minute" | "hour";
                /** @description Pipeline key */
                pipeline?: string;
                /** @description Review queue name */
                queue?: string;
                /** @description End of the range (ISO 8601, exclusive); default: now */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewersStats"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    statsSla: {
        parameters: {
            query?: {
                /** @description Start of the range (ISO 8601); default: `to` minus 1 hour */
                from?: string;
                /** @description Series resolution; default: minute up to 6 hours, hour beyond */
                grain?: "minute" | "hour";
                /** @description Pipeline key */
                pipeline?: string;
                /** @description Review queue name */
                queue?: string;
                /** @description End of the range (ISO 8601, exclusive); default: now */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaStats"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    statsThroughput: {
        parameters: {
            query?: {
                /** @description Start of the range (ISO 8601); default: `to` minus 1 hour */
                from?: string;
                /** @description Series resolution; default: minute up to 6 hours, hour beyond */
                grain?: "minute" | "hour";
                /** @description Pipeline key */
                pipeline?: string;
                /** @description Review queue name */
                queue?: string;
                /** @description End of the range (ISO 8601, exclusive); default: now */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThroughputStats"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    statsVersions: {
        parameters: {
            query?: {
                /** @description Start of the range (ISO 8601); default: `to` minus 1 hour */
                from?: string;
                /** @description Series resolution; default: minute up to 6 hours, hour beyond */
                grain?: "minute" | "hour";
                /** @description Pipeline key */
                pipeline?: string;
                /** @description Review queue name */
                queue?: string;
                /** @description End of the range (ISO 8601, exclusive); default: now */
                to?: string;
            };
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionsStats"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSubmission: {
        parameters: {
            query?: {
                /** @description ms (≤ 10000) to wait for a decision */
                wait?: number;
            };
            header: {
                "idempotency-key": string;
                /** @description 1 to 200 characters: a retry with the same key and body gives the same submission */
                "Idempotency-Key"?: string;
                /** @description W3C trace context: with tracing on, the submission continues this trace (and its webhooks carry it on) */
                traceparent?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubmissionDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionView"];
                };
            };
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedSubmission"] | components["schemas"]["SubmissionView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    eraseSubmissions: {
        parameters: {
            query: {
                /** @description The external id given at submission: every submission of the caller with it is erased */
                externalId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureResult"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"][];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enableUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404 */
                "X-Arbiter-Workspace"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookEndpointDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateWebhookSecretDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWorkspaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"][];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkspaceDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (idempotency key reused with another body, lease lost, …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setWorkspaceMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceMemberDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceMember"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the configured cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON (or YAML where a policy is accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeWorkspaceMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    myWorkspaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyWorkspaces"];
                };
            };
            /** @description The request is malformed or a field is invalid: `problems` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are wrong, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (role, queue or pipeline not allowed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
