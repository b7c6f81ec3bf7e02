import L from 'leaflet';
import { type RefObject, useEffect } from 'react';

export type Position = [number, number];
/** an outline being drawn: its ring as [lon, lat] positions, not closed (the save closes it) */
export interface OutlineEdit {
  ring: Position[];
  onChange: (ring: Position[]) => void;
}

const EDITING = { color: '#fa541c', weight: 2, dashArray: '6 4', fillOpacity: 0.12 };
const VERTEX = L.divIcon({
  className: 'hewei-vertex',
  html: '<div style="width:12px;height:12px;border-radius:50%;background:#fff;border:2px solid #fa541c;box-sizing:border-box"></div>',
  iconSize: [12, 12],
  iconAnchor: [6, 6],
});

/**
 * Draws the outline being edited on the map: the polygon (or the line while it has fewer than three
 * points) and a draggable handle on each vertex; a double click on a handle removes that vertex.
 */
export function useOutlineLayer(map: RefObject<L.Map | null>, edit: OutlineEdit | null) {
  useEffect(() => {
    const m = map.current;
    if (!m || !edit) return;
    const latlngs = edit.ring.map(([lon, lat]) => L.latLng(lat, lon));
    const shape = (latlngs.length >= 3 ? L.polygon(latlngs, EDITING) : L.polyline(latlngs, EDITING)).addTo(m);
    const handles = edit.ring.map(([lon, lat], i) => {
      const h = L.marker([lat, lon], { icon: VERTEX, draggable: true, keyboard: false }).addTo(m);
      h.on('drag', () => {
        latlngs[i] = h.getLatLng();
        shape.setLatLngs(latlngs);
      });
      h.on('dragend', () => {
        const p = h.getLatLng();
        edit.onChange(edit.ring.map((x, k) => (k === i ? [p.lng, p.lat] : x)));
      });
      h.on('dblclick', (e) => {
        L.DomEvent.stop(e);
        edit.onChange(edit.ring.filter((_, k) => k !== i));
      });
      return h;
    });
    m.doubleClickZoom.disable();
    return () => {
      shape.remove();
      for (const h of handles) h.remove();
      m.doubleClickZoom.enable();
    };
  }, [map, edit]);
}
