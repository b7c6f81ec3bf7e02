import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { Patrol, WorkerVisit } from '../api.ts';

const TRACK = ['#1677ff', '#13c2c2', '#722ed1', '#eb2f96', '#fa8c16'];

/**
 * A worker's patrols on a plain background (no tiles, works without a map server): each patrol's
 * track as a line, the places visited as dots, home visits with a position as squares.
 */
export function PatrolMap({
  patrols,
  visits,
  labels,
}: {
  patrols: Patrol[];
  visits: WorkerVisit[];
  labels: { point: (p: Patrol['points'][number]) => string; visit: (v: WorkerVisit) => string };
}) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.FeatureGroup | null>(null);
  const label = useRef(labels);
  label.current = labels;

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { zoomControl: true, attributionControl: false }).setView([30, 120], 12);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    layer.current?.remove();
    const g = L.featureGroup();
    patrols.forEach((p, i) => {
      const colour = TRACK[i % TRACK.length];
      const line = p.points.map((x) => [x.lat, x.lon] as [number, number]);
      if (line.length > 1) L.polyline(line, { color: colour, weight: 3, opacity: 0.8 }).addTo(g);
      for (const x of p.points)
        L.circleMarker([x.lat, x.lon], { radius: 5, color: colour, fillOpacity: 0.9 })
          .bindTooltip(label.current.point(x))
          .addTo(g);
    });
    for (const v of visits) {
      if (v.lat === null || v.lon === null) continue;
      L.marker([v.lat, v.lon], {
        icon: L.divIcon({ className: 'field-visit-marker', iconSize: [12, 12] }),
      })
        .bindTooltip(label.current.visit(v))
        .addTo(g);
    }
    g.addTo(m);
    layer.current = g;
    const bounds = g.getBounds();
    if (bounds.isValid()) m.fitBounds(bounds, { maxZoom: 18, padding: [32, 32] });
  }, [patrols, visits]);

  return (
    <div
      ref={box}
      className="field-supervision-map"
      style={{ height: 420, background: '#f5f7fa', border: '1px solid #e5e6eb', borderRadius: 8 }}
    />
  );
}
