import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { MapFeature } from '../api/org-api.ts';
import { type OutlineEdit, useOutlineLayer } from './outline-layer.ts';

const STYLE = { color: '#1677ff', weight: 1, fillOpacity: 0.06 };
const SELECTED = { color: '#fa541c', weight: 3, fillOpacity: 0.15 };

/**
 * Outlines on a map. No tiles unless a tile URL is configured (a county's own tile server, or
 * 天地图 with a key): without one the outlines are drawn on a plain background, offline.
 */
export function OrgMap({
  features,
  selectedId,
  tileUrl,
  point,
  onPick,
  edit = null,
}: {
  features: MapFeature[];
  selectedId: string | null;
  tileUrl: string;
  point: { lat: number; lon: number } | null;
  onPick: (p: { lat: number; lon: number }) => void;
  /** an outline being drawn or edited: clicks add vertices, vertices drag */
  edit?: OutlineEdit | null;
}) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const outlines = useRef<L.GeoJSON | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const editing = useRef(edit);
  editing.current = edit;
  const pick = useRef(onPick);
  pick.current = (p) =>
    editing.current ? editing.current.onChange([...editing.current.ring, [p.lon, p.lat]]) : onPick(p);
  useOutlineLayer(map, edit);

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { zoomControl: true, attributionControl: false }).setView([30, 120], 10);
    m.on('click', (e: L.LeafletMouseEvent) => pick.current({ lat: e.latlng.lat, lon: e.latlng.lng }));
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !tileUrl) return;
    const layer = L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(m);
    return () => void layer.remove();
  }, [tileUrl]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    outlines.current?.remove();
    const withGeometry = features.filter((f) => f.geometry);
    if (!withGeometry.length) return;
    const layer = L.geoJSON({ type: 'FeatureCollection', features: withGeometry } as never, {
      style: (f) => ((f as MapFeature | undefined)?.properties.unit_id === selectedId ? SELECTED : STYLE),
      onEachFeature: (f, l) =>
        l.bindTooltip(`${(f as MapFeature).properties.name} ${(f as MapFeature).properties.code}`),
    }).addTo(m);
    layer.on('click', (e: L.LeafletMouseEvent) => pick.current({ lat: e.latlng.lat, lon: e.latlng.lng }));
    outlines.current = layer;
    const selected = layer
      .getLayers()
      .find(
        (l) =>
          (l as L.GeoJSON).feature &&
          ((l as L.GeoJSON).feature as MapFeature).properties.unit_id === selectedId,
      );
    m.fitBounds((selected as L.Polygon | undefined)?.getBounds() ?? layer.getBounds(), { maxZoom: 16 });
  }, [features, selectedId]);

  useEffect(() => {
    const m = map.current;
    marker.current?.remove();
    if (!m || !point) return;
    marker.current = L.circleMarker([point.lat, point.lon], {
      radius: 6,
      color: '#cf1322',
      fillOpacity: 0.9,
    }).addTo(m);
  }, [point]);

  return (
    <div
      ref={box}
      style={{ height: 560, background: '#f5f7fa', border: '1px solid #e5e6eb', borderRadius: 8 }}
    />
  );
}
