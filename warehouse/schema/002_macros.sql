-- Interval macros the views share: 95% Wilson score interval of k successes in n trials.
-- Clamped to [0, 1] against rounding. 1.959963984540054 is the 97.5% normal quantile; 3.841458820694124 is its square.

create or replace macro wilson_low(k, n) as
    case when n > 0 then greatest(0.0,
        ((k / n) + 3.841458820694124 / (2 * n)
         - 1.959963984540054 * sqrt(greatest((k / n) * (1 - k / n) / n + 3.841458820694124 / (4 * n * n), 0)))
        / (1 + 3.841458820694124 / n))
    end;

create or replace macro wilson_high(k, n) as
    case when n > 0 then least(1.0,
        ((k / n) + 3.841458820694124 / (2 * n)
         + 1.959963984540054 * sqrt(greatest((k / n) * (1 - k / n) / n + 3.841458820694124 / (4 * n * n), 0)))
        / (1 + 3.841458820694124 / n))
    end;
