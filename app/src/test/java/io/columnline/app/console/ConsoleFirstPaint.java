package io.columnline.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * bench/console's measuring part (run by bench/console/run.sh, not by the suite): in the test's
 * Chromium, a fresh browser per round opens the sign-in page (the baseline: the same files, no API
 * call), then the runs page signed in, and prints first contentful paint and the paint of the runs
 * table, both from navigation start, next to GET /api/v1/runs?limit=50 timed from the same page.
 */
public final class ConsoleFirstPaint {
    private ConsoleFirstPaint() {}

    public static void main(String[] args) {
        String base = args[0];
        String key = args[1];
        int rounds = Integer.parseInt(args[2]);
        System.out.printf(
                Locale.ROOT,
                "%-6s %18s %18s %18s %18s%n",
                "round",
                "sign-in FCP ms",
                "runs FCP ms",
                "runs table ms",
                "API p50 ms");
        for (int round = 1; round <= rounds; round++) {
            try (Browser browser = new Browser(base, 1280, 800)) {
                browser.open("/console/?round=" + round);
                browser.waitUntil("the sign-in page painted", d -> paint(browser, "first-contentful-paint") > 0);
                double signIn = paint(browser, "first-contentful-paint");
                browser.js(
                        "sessionStorage.setItem('columnline.key', arguments[0]);"
                                + "sessionStorage.setItem('columnline.me', JSON.stringify({kind: 'admin'}));",
                        key);
                browser.open("/console/?round=" + round + "&signed=1#/runs");
                browser.waitUntil("the runs table painted", d -> paint(browser, "runs-listed") > 0);
                double fcp = paint(browser, "first-contentful-paint");
                double listed = paint(browser, "runs-listed");
                List<Double> api = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    api.add(((Number) browser.driver().executeAsyncScript("""
                                    const done = arguments[arguments.length - 1];
                                    const t = performance.now();
                                    fetch('/api/v1/runs?limit=50', {headers: {Authorization: 'Bearer ' + arguments[0]}})
                                      .then((r) => r.json()).then(() => done(performance.now() - t));""", key)).doubleValue());
                }
                api.sort(Double::compare);
                browser.assertCleanLog("the bench's pages");
                System.out.printf(
                        Locale.ROOT, "%-6d %18.0f %18.0f %18.0f %18.0f%n", round, signIn, fcp, listed, api.get(3));
            }
        }
    }

    private static double paint(Browser browser, String name) {
        Object at = browser.js(
                "const e = performance.getEntriesByName(arguments[0]); return e.length ? e[0].startTime : 0;", name);
        return ((Number) at).doubleValue();
    }
}
