//! The self-contained HTML report: one inline SVG bar chart and one table per indicator.
//!
//! No external assets, fonts or scripts: the file opens offline and can be mailed around.
//! All text from documents is escaped.

use std::fmt::Write;

use super::fmt_num;
use super::matrix::{Cell, Column, Figure, Matrix};
use crate::records::Comparator;

/// Regions drawn in one chart at most; more would be unreadable (the table and CSV hold all).
pub const CHART_MAX_REGIONS: usize = 60;
/// Rows of one indicator's table at most; the CSV holds all.
pub const TABLE_MAX_ROWS: usize = 1000;

/// Fill of target bars.
const TARGET_COLOR: &str = "#4e79a7";
/// Fill of achieved bars.
const ACHIEVED_COLOR: &str = "#f28e2b";

/// Escapes text for HTML/SVG content and attribute values.
/// Sorts a table by the column whose header is clicked (numbers as numbers, `—` last); a
/// second click reverses. Inline, so the report stays one self-contained file.
const SORT_SCRIPT: &str = r#"document.querySelectorAll('table').forEach(function(t){
var hs=t.querySelectorAll('thead th');hs.forEach(function(th,i){th.classList.add('sortable');
th.addEventListener('click',function(){var b=t.tBodies[0];if(!b)return;
var asc=th.dataset.dir!=='asc';hs.forEach(function(x){delete x.dataset.dir});th.dataset.dir=asc?'asc':'desc';
var key=function(r){var c=r.children[i];var s=c?c.textContent.trim():'';var n=parseFloat(s.replace(/[^0-9.\-]/g,''));
return {s:s,n:(s===''||s==='—'||isNaN(n))?null:n}};
var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var a=key(x),c=key(y);
if(a.n===null&&c.n===null)return asc?a.s.localeCompare(c.s,'zh'):c.s.localeCompare(a.s,'zh');
if(a.n===null)return 1;if(c.n===null)return -1;return asc?a.n-c.n:c.n-a.n});
rows.forEach(function(r){b.appendChild(r)})})})});
"#;

/// The section title of a policy field.
fn field_label(field: &str) -> &str {
    match field {
        "education" => "教育",
        "economy" => "经济发展",
        "fiscal" => "财政",
        "industry" => "工业与产业",
        "innovation" => "科技创新",
        "trade" => "开放与贸易",
        "employment" => "就业",
        "income" => "居民收入",
        "prices" => "价格",
        "energy" => "能源",
        "ecology" => "生态环境",
        "agriculture" => "农业",
        "rural" => "乡村振兴",
        "health" => "卫生健康",
        "elderly" => "养老",
        "civil" => "民政与社会保障",
        "transport" => "交通",
        "housing" => "住房",
        "urban" => "城镇化与城市建设",
        "market" => "市场监管与营商环境",
        "safety" => "安全生产与应急",
        "culture" => "文化与旅游",
        "sports" => "体育",
        "digital" => "数字化",
        "population" => "人口",
        "" => "其他",
        other => other,
    }
}

pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control chars are not allowed in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A comparator as a symbol for people (`≥`), empty for plain equality.
fn symbol(c: Option<Comparator>) -> &'static str {
    match c {
        Some(Comparator::Ge) => "≥",
        Some(Comparator::Gt) => ">",
        Some(Comparator::Le) => "≤",
        Some(Comparator::Lt) => "<",
        Some(Comparator::Approx) => "≈",
        Some(Comparator::Range) => "–",
        Some(Comparator::Eq) | None => "",
    }
}

/// A compact value for chart labels: 万 and 亿 for large numbers, at most two decimals.
fn short(v: f64) -> String {
    let round2 = |x: f64| fmt_num((x * 100.0).round() / 100.0);
    if v.abs() >= 1e8 {
        format!("{}亿", round2(v / 1e8))
    } else if v.abs() >= 1e4 {
        format!("{}万", round2(v / 1e4))
    } else {
        round2(v)
    }
}

/// A step of 1, 2, 2.5 or 5 × 10ⁿ giving about `span / 5` per tick.
fn nice_step(span: f64) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// How a figure reads in a table: `≥95 (2025)`.
fn describe(f: &Figure, unit: Option<&str>) -> String {
    let unit = f.unit.as_deref().or(unit).unwrap_or("");
    format!("{}{}{}", symbol(f.comparator), fmt_num(f.value), unit)
}

impl Matrix {
    /// The report as one self-contained HTML page: a summary, an index of indicators, then per
    /// indicator an SVG bar chart (regions side by side, target and achieved bars with value
    /// labels, a value axis and a legend) and a table; last, the goal phrases no indicator
    /// matched.
    pub fn to_html(&self) -> String {
        let mut h = String::with_capacity(16 * 1024);
        let s = self.stats;
        h.push_str(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>planmine 地区指标对比</title>\n<style>\n",
        );
        h.push_str(STYLE);
        h.push_str("</style>\n</head>\n<body>\n<h1>地区指标对比</h1>\n");
        let _ = writeln!(
            h,
            "<p class=\"summary\">{} 个地区 · {} 项指标 · {} 份文件(跳过错误记录 {} 份) · \
             {} / {} 条数值目标对应到标准指标</p>",
            self.regions.len(),
            self.columns.len(),
            s.documents,
            s.error_documents,
            s.matched_goals,
            s.goals
        );
        h.push_str(
            "<p class=\"rules\">每格取值规则:目标取文件规划期末年份的目标(规划中未写年份的目标按期末年份排序,\
             明确写出年份者优先),其次取最晚年份,再次取较新的文件;现状取年份最晚的已实现值\
             (也用目标的基期值),同年时已实现值优先。图中蓝色为目标,橙色为现状,红色虚线为国家标准,\
             “无”表示该地区未提及。</p>\n",
        );

        if self.columns.is_empty() {
            h.push_str("<p>没有对应到标准指标的数值目标。</p>\n");
        } else {
            h.push_str(
                "<h2>指标一览</h2>\n<table class=\"index\">\n<thead><tr><th>指标</th><th>单位</th>\
                 <th>来源标准</th><th>国家标准</th><th>有目标的地区</th><th>有现状的地区</th>\
                 </tr></thead>\n<tbody>\n",
            );
            for (c, col) in self.columns.iter().enumerate() {
                let (mut nt, mut na) = (0, 0);
                for (_, cell) in self.column_cells(c) {
                    nt += usize::from(cell.target.is_some());
                    na += usize::from(cell.achieved.is_some());
                }
                let _ = writeln!(
                    h,
                    "<tr><td><a href=\"#c{c}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td>\
                     <td class=\"num\">{nt}</td><td class=\"num\">{na}</td></tr>",
                    esc(&col.name),
                    esc(col.unit.as_deref().unwrap_or("")),
                    esc(&col.group),
                    esc(col.standard.as_deref().unwrap_or("")),
                );
            }
            h.push_str("</tbody>\n</table>\n");
            self.overview_table(&mut h);
        }

        let mut field: Option<&str> = None;
        for (c, col) in self.columns.iter().enumerate() {
            if field != Some(col.field.as_str()) {
                field = Some(col.field.as_str());
                let _ = writeln!(
                    h,
                    "<h2 class=\"field\" id=\"field-{}\">{}</h2>",
                    esc(&col.field),
                    esc(field_label(&col.field))
                );
            }
            let rows: Vec<(usize, &Cell)> = self.column_cells(c).collect();
            let _ = writeln!(
                h,
                "<section class=\"indicator\" id=\"c{c}\">\n<h2>{}<small>{}{}</small></h2>",
                esc(&col.name),
                col.unit
                    .as_deref()
                    .map(|u| format!("单位:{} · ", esc(u)))
                    .unwrap_or_default(),
                esc(&col.id),
            );
            if let Some(std) = col.standard.as_deref() {
                let _ = writeln!(h, "<p class=\"std\">国家标准:{}</p>", esc(std));
            }
            h.push_str("<div class=\"chart\">\n");
            let shown = &rows[..rows.len().min(CHART_MAX_REGIONS)];
            h.push_str(&self.chart_svg(c, col, shown));
            h.push_str("</div>\n");
            if rows.len() > shown.len() {
                let _ = writeln!(
                    h,
                    "<p class=\"note\">图中只画出前 {} 个地区(共 {} 个),其余见下表与 CSV。</p>",
                    shown.len(),
                    rows.len()
                );
            }
            h.push_str(
                "<table>\n<thead><tr><th>地区</th><th>目标</th><th>目标年份</th><th>现状</th>\
                 <th>现状年份</th><th>来源</th></tr></thead>\n<tbody>\n",
            );
            for (r, cell) in rows.iter().take(TABLE_MAX_ROWS) {
                let label = self.regions.get(*r).map_or("", |x| x.label.as_str());
                let fig = |f: &Option<Figure>| match f {
                    Some(f) => {
                        let note = if f.from_baseline { "(基期)" } else { "" };
                        format!(
                            "<td class=\"num\" title=\"{}\">{}{note}</td><td class=\"num\">{}</td>",
                            esc(&format!("{}:{}", f.indicator, f.text)),
                            esc(&describe(f, col.unit.as_deref())),
                            f.year.map(|y| y.to_string()).unwrap_or_default()
                        )
                    }
                    None => "<td class=\"none\">—</td><td></td>".to_owned(),
                };
                let _ = writeln!(
                    h,
                    "<tr><th>{}</th>{}{}<td class=\"src\">{}</td></tr>",
                    esc(label),
                    fig(&cell.target),
                    fig(&cell.achieved),
                    esc(&cell.sources())
                );
            }
            h.push_str("</tbody>\n</table>\n");
            if rows.len() > TABLE_MAX_ROWS {
                let _ = writeln!(
                    h,
                    "<p class=\"note\">表中只列出前 {TABLE_MAX_ROWS} 个地区(共 {} 个),完整数据见 CSV。</p>",
                    rows.len()
                );
            }
            h.push_str("</section>\n");
        }

        if !self.unmatched.is_empty() {
            let _ = writeln!(
                h,
                "<details class=\"unmatched\">\n<summary>未对应到标准指标的目标表述(共 {} 种,\
                 列出前 200)</summary>\n<table>\n<thead><tr><th>表述</th><th>次数</th></tr></thead>\n<tbody>",
                self.unmatched.len()
            );
            for (phrase, n) in self.unmatched.iter().take(200) {
                let _ = writeln!(
                    h,
                    "<tr><td>{}</td><td class=\"num\">{n}</td></tr>",
                    esc(phrase)
                );
            }
            h.push_str("</tbody>\n</table>\n</details>\n");
        }
        h.push_str("<footer>由 planmine 生成</footer>\n<script>\n");
        h.push_str(SORT_SCRIPT);
        h.push_str("</script>\n</body>\n</html>\n");
        h
    }

    /// The matrix itself as one table (indicators × regions), when it fits on a page; the CSV
    /// holds it in any case.
    fn overview_table(&self, h: &mut String) {
        const MAX_REGIONS: usize = 30;
        if self.regions.len() > MAX_REGIONS {
            let _ = writeln!(
                h,
                "<p>共 {} 个地区,总表请见 CSV 输出;以下按指标分图。</p>",
                self.regions.len()
            );
            return;
        }
        h.push_str(
            "<h2>总表</h2>\n<p class=\"rules\"><span class=\"t\">蓝字</span>为目标,\
             <span class=\"a\">橙字</span>为现状。</p>\n<div class=\"wide\"><table class=\"matrix\">\n\
             <thead><tr><th>指标</th>",
        );
        for r in &self.regions {
            let _ = write!(h, "<th>{}</th>", esc(&r.label));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (c, col) in self.columns.iter().enumerate() {
            let _ = write!(h, "<tr><th><a href=\"#c{c}\">{}</a></th>", esc(&col.name));
            for r in 0..self.regions.len() {
                let Some(cell) = self.cell(r, c) else {
                    h.push_str("<td class=\"none\">—</td>");
                    continue;
                };
                h.push_str("<td class=\"num\">");
                if let Some(t) = &cell.target {
                    let year = t.year.map(|y| format!("({y})")).unwrap_or_default();
                    let _ = write!(
                        h,
                        "<span class=\"t\">{}{}</span>",
                        esc(&describe(t, col.unit.as_deref())),
                        year
                    );
                }
                if cell.target.is_some() && cell.achieved.is_some() {
                    h.push_str("<br>");
                }
                if let Some(a) = &cell.achieved {
                    let year = a.year.map(|y| format!("({y})")).unwrap_or_default();
                    let _ = write!(
                        h,
                        "<span class=\"a\">{}{}</span>",
                        esc(&describe(a, col.unit.as_deref())),
                        year
                    );
                }
                h.push_str("</td>");
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table></div>\n");
    }

    /// The bar chart of one column: one group per region that has a figure.
    fn chart_svg(&self, c: usize, col: &Column, rows: &[(usize, &Cell)]) -> String {
        const LEFT: f64 = 64.0;
        const RIGHT: f64 = 16.0;
        const TOP: f64 = 44.0;
        const PLOT_H: f64 = 220.0;
        const BOTTOM: f64 = 40.0;
        const GROUP_W: f64 = 96.0;
        const BAR_W: f64 = 34.0;
        const BAR_GAP: f64 = 6.0;

        let values: Vec<f64> = rows
            .iter()
            .flat_map(|(_, cell)| [&cell.target, &cell.achieved])
            .flatten()
            .map(|f| f.value)
            .filter(|v| v.is_finite())
            .chain(col.reference.as_ref().map(|r| r.value))
            .collect();
        let data_max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let data_min = values.iter().copied().fold(f64::INFINITY, f64::min);
        // Scaled to the data: when every value is positive and they lie close together
        // (95% and 100%), the axis starts below the smallest rather than at 0, so the
        // difference shows; otherwise it includes 0.
        let (min, max) =
            if data_min.is_finite() && data_min > 0.0 && data_max - data_min < data_max * 0.5 {
                let pad = ((data_max - data_min) * 0.5).max(data_max * 0.02);
                ((data_min - pad).max(0.0), data_max)
            } else if data_min.is_finite() {
                (data_min.min(0.0), data_max.max(0.0))
            } else {
                (0.0, 0.0)
            };
        let step = nice_step(max - min);
        let lo = (min / step).floor() * step;
        let mut hi = (max / step).ceil() * step;
        if hi <= lo {
            hi = lo + step;
        }
        let y = |v: f64| TOP + PLOT_H * (hi - v) / (hi - lo);
        let width = (LEFT + RIGHT + GROUP_W * rows.len() as f64).max(420.0);
        let height = TOP + PLOT_H + BOTTOM;

        let mut s = String::with_capacity(4096);
        let _ = writeln!(
            s,
            "<svg class=\"bars\" width=\"{width}\" \
             height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
             aria-labelledby=\"t{c}\">\n<title id=\"t{c}\">{}:各地区目标与现状</title>",
            esc(&col.name)
        );
        // Legend: target, achieved, the national standard (if any), the unit.
        let _ = write!(
            s,
            "<g class=\"legend\"><rect x=\"{LEFT}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{TARGET_COLOR}\"/>\
             <text x=\"{}\" y=\"20\">目标</text>\
             <rect x=\"{}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{ACHIEVED_COLOR}\"/>\
             <text x=\"{}\" y=\"20\">现状</text>",
            LEFT + 16.0,
            LEFT + 60.0,
            LEFT + 76.0,
        );
        let mut unit_x = LEFT + 124.0;
        if let Some(r) = &col.reference {
            let _ = write!(
                s,
                "<g class=\"reference\"><line x1=\"{unit_x}\" x2=\"{}\" y1=\"16\" y2=\"16\"/>\
                 <text x=\"{}\" y=\"20\">国家标准 {}{}</text></g>",
                unit_x + 22.0,
                unit_x + 26.0,
                symbol(Some(r.comparator)),
                esc(&short(r.value))
            );
            unit_x += 130.0;
        }
        let _ = writeln!(
            s,
            "<text x=\"{unit_x}\" y=\"20\" class=\"unit\">{}</text></g>",
            col.unit
                .as_deref()
                .map(|u| format!("单位:{}", esc(u)))
                .unwrap_or_default()
        );
        // Grid and value axis.
        s.push_str("<g class=\"axis\">");
        let mut tick = lo;
        for _ in 0..=20 {
            if tick > hi + step * 1e-9 {
                break;
            }
            let ty = y(tick);
            let _ = write!(
                s,
                "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\" class=\"grid\"/>\
                 <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                width - RIGHT,
                LEFT - 6.0,
                ty + 4.0,
                esc(&short(tick))
            );
            tick += step;
        }
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{}\" class=\"domain\"/>\
             <line x1=\"{LEFT}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\" class=\"domain\"/></g>",
            TOP + PLOT_H,
            width - RIGHT,
            y(0.0),
            y(0.0)
        );
        // Bars.
        for (i, (r, cell)) in rows.iter().enumerate() {
            let label = self.regions.get(*r).map_or("", |x| x.label.as_str());
            let gx = LEFT + GROUP_W * i as f64 + (GROUP_W - 2.0 * BAR_W - BAR_GAP) / 2.0;
            let _ = write!(s, "<g class=\"region\" data-region=\"{}\">", esc(label));
            for (k, (fig, kind, color, what)) in [
                (&cell.target, "target", TARGET_COLOR, "目标"),
                (&cell.achieved, "achieved", ACHIEVED_COLOR, "现状"),
            ]
            .into_iter()
            .enumerate()
            {
                let x = gx + k as f64 * (BAR_W + BAR_GAP);
                let cx = x + BAR_W / 2.0;
                match fig {
                    Some(f) => {
                        let (y0, y1) = (y(0.0), y(f.value));
                        let top = y0.min(y1);
                        // A zero still shows as a hairline.
                        let h = (y0 - y1).abs().max(1.0);
                        let year = f.year.map(|y| format!(" ({y}年)")).unwrap_or_default();
                        let _ = write!(
                            s,
                            "<rect class=\"bar {kind}\" x=\"{x:.1}\" y=\"{top:.1}\" width=\"{BAR_W}\" \
                             height=\"{h:.1}\" fill=\"{color}\"><title>{}</title></rect>\
                             <text class=\"val\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                            esc(&format!(
                                "{label} {what} {}{year}:{}",
                                describe(f, col.unit.as_deref()),
                                f.indicator
                            )),
                            top - 4.0,
                            esc(&format!("{}{}", symbol(f.comparator), short(f.value)))
                        );
                    }
                    None => {
                        let _ = write!(
                            s,
                            "<text class=\"missing\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">无</text>",
                            y(0.0) - 4.0
                        );
                    }
                }
            }
            let shown: String = if label.chars().count() > 7 {
                label.chars().take(6).chain(std::iter::once('…')).collect()
            } else {
                label.to_owned()
            };
            let _ = writeln!(
                s,
                "<text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}<title>{}</title></text></g>",
                LEFT + GROUP_W * (i as f64 + 0.5),
                TOP + PLOT_H + 20.0,
                esc(&shown),
                esc(label)
            );
        }
        // The national standard as a dashed line over the bars (its value is in the legend).
        if let Some(r) = &col.reference {
            let ry = y(r.value);
            let _ = writeln!(
                s,
                "<line class=\"refline\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{ry:.1}\" y2=\"{ry:.1}\"/>",
                width - RIGHT,
            );
        }
        s.push_str("</svg>\n");
        s
    }
}

/// The page's style sheet (inline: the report is one file).
const STYLE: &str = "body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",\
\"Noto Sans CJK SC\",sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}
h2 small{font-weight:normal;color:#666;font-size:.75em;margin-left:1em}
.summary,.rules,.std,.note{color:#555}.rules{font-size:.9em}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}
th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
thead th{background:#f4f6f8}td.num{text-align:right;white-space:nowrap}td.none{color:#aaa}
td.src{color:#666;font-size:.85em;word-break:break-all}
.chart{overflow-x:auto}svg.bars{font-size:11px;display:block}
svg .grid{stroke:#e5e5e5}svg .domain{stroke:#888}svg .axis text{fill:#666}
svg .val{fill:#222}svg .missing{fill:#aaa}svg .label{font-size:12px;fill:#222}
svg .unit{fill:#666}svg .reference line,svg .refline{stroke:#c33;stroke-dasharray:5 4}
svg .reference text{fill:#c33}th.sortable{cursor:pointer}th[data-dir=asc]::after{content:' ▲'}th[data-dir=desc]::after{content:' ▼'}.wide{overflow-x:auto}.t{color:#2f5d8a}.a{color:#c0650f}
table.matrix td{white-space:nowrap}footer{margin-top:3em;color:#999;font-size:.8em}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert(\"x\")&'</script>"),
            "&lt;script&gt;alert(&quot;x&quot;)&amp;&#39;&lt;/script&gt;"
        );
        assert_eq!(esc("a\u{0}b"), "ab");
    }

    #[test]
    fn short_labels_fold_large_numbers() {
        assert_eq!(short(95.0), "95");
        assert_eq!(short(99.394), "99.39");
        assert_eq!(short(12302600.0), "1230.26万");
        assert_eq!(short(1087000000.0), "10.87亿");
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(100.0), 20.0);
        assert_eq!(nice_step(0.5), 0.1);
        assert_eq!(nice_step(12.0), 2.5);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }
}
