//! `spamscan eval --plot FILE.svg`: the precision/recall curve over thresholds and the score
//! histograms of clean and spam documents, with the spam threshold marked.

use std::path::Path;

use plotters::prelude::*;
use spamscan::eval::{rates, Outcome};
use spamscan::Verdict;

/// Draw the picture for `outcomes` at spam threshold `threshold` into `path`.
pub fn draw(path: &Path, outcomes: &[Outcome], threshold: f32) -> Result<(), String> {
    let root = SVGBackend::new(path, (960, 420)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let (left, right) = root.split_horizontally(480);

    // Precision/recall over thresholds 0.00 … 1.00.
    let points: Vec<(f64, f64, f32)> = (0..=100)
        .filter_map(|k| {
            let t = k as f32 / 100.0;
            let r = rates(outcomes, t);
            Some((r.recall?, r.precision?, t))
        })
        .collect();
    let mut chart = ChartBuilder::on(&left)
        .caption("precision / recall", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d(0f64..1.02f64, 0f64..1.02f64)
        .map_err(|e| e.to_string())?;
    chart.configure_mesh().x_desc("recall").y_desc("precision").draw().map_err(|e| e.to_string())?;
    chart
        .draw_series(LineSeries::new(points.iter().map(|p| (p.0, p.1)), &BLUE))
        .map_err(|e| e.to_string())?;
    if let Some(r) = Some(rates(outcomes, threshold)) {
        if let (Some(x), Some(y)) = (r.recall, r.precision) {
            chart
                .draw_series(std::iter::once(Circle::new((x, y), 5, RED.filled())))
                .map_err(|e| e.to_string())?
                .label(format!("threshold {threshold:.2}"))
                .legend(|(x, y)| Circle::new((x, y), 4, RED.filled()));
            chart.configure_series_labels().border_style(BLACK).draw().map_err(|e| e.to_string())?;
        }
    }

    // Score histograms, 20 bins, clean and spam side by side.
    let bins = 20usize;
    let mut counts = [vec![0u32; bins], vec![0u32; bins]];
    for o in outcomes {
        let class = match o.truth {
            Verdict::Clean => 0,
            Verdict::Spam => 1,
            Verdict::Suspicious => continue,
        };
        let b = ((o.score * bins as f32) as usize).min(bins - 1);
        counts[class][b] += 1;
    }
    let top = counts.iter().flatten().copied().max().unwrap_or(1).max(1);
    let mut chart = ChartBuilder::on(&right)
        .caption("scores: clean (green), spam (red)", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d(0f64..1f64, 0u32..top + top / 10 + 1)
        .map_err(|e| e.to_string())?;
    chart.configure_mesh().x_desc("score").y_desc("documents").draw().map_err(|e| e.to_string())?;
    let w = 1.0 / bins as f64;
    for (class, color) in [(0, GREEN.mix(0.6)), (1, RED.mix(0.6))] {
        chart
            .draw_series(counts[class].iter().enumerate().filter(|(_, &c)| c > 0).map(|(i, &c)| {
                let x0 = i as f64 * w + class as f64 * w / 2.0;
                Rectangle::new([(x0, 0), (x0 + w / 2.0, c)], color.filled())
            }))
            .map_err(|e| e.to_string())?;
    }
    let t = threshold as f64;
    chart
        .draw_series(LineSeries::new([(t, 0), (t, top + top / 10)], BLACK.stroke_width(2)))
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}
