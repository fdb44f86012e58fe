-- wrk script of bench/e2e.sh's sign-in phase: every request is a JSON sign-in of $BENCH_USER at the module's
-- j_security_check without a cookie, so that each one goes to Cognito (the emulator) and opens a new HTTP session.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"' .. os.getenv("BENCH_USER") .. '","password":"' .. os.getenv("BENCH_PASSWORD") .. '"}'
