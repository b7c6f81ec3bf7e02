import { Col, Empty, Row } from 'antd';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { RoomClient, RoomPeer } from '../room-client.ts';

/** How one peer connection is doing, read from the browser's own statistics. */
export interface LinkStat {
  state: RTCPeerConnectionState;
  /** video frames decoded from this peer so far */
  framesDecoded: number;
  /** where the offer/answer exchange stands, and ICE: what to look at when a connection hangs */
  signaling: RTCSignalingState;
  ice: RTCIceConnectionState;
}

/** Polls every connection's state and decoded frames once a second while the room is joined. */
export function useLinkStats(client: RefObject<RoomClient | null>, joined: boolean) {
  const [stats, setStats] = useState<Record<string, LinkStat>>({});
  useEffect(() => {
    if (!joined) return;
    let live = true;
    const read = async () => {
      const out: Record<string, LinkStat> = {};
      for (const [id, l] of client.current?.links ?? []) {
        let framesDecoded = 0;
        (await l.pc.getStats()).forEach((s: { type: string; kind?: string; framesDecoded?: number }) => {
          if (s.type === 'inbound-rtp' && s.kind === 'video') framesDecoded += s.framesDecoded ?? 0;
        });
        const { connectionState: state, signalingState: signaling, iceConnectionState: ice } = l.pc;
        out[id] = { state, framesDecoded, signaling, ice };
      }
      if (live) setStats(out);
    };
    const timer = setInterval(read, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, joined]);
  return stats;
}

const caption = { position: 'absolute', left: 8, bottom: 8, color: '#fff', fontSize: 12 } as const;
const frame = { width: '100%', aspectRatio: '4 / 3', background: '#000', borderRadius: 6 } as const;

function Video({ stream, muted }: { stream: MediaStream; muted?: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted={muted} style={{ ...frame, display: 'block' }} />;
}

/**
 * One tile per person in the room: your own camera, then each other participant with their video
 * (or a dark tile when they joined without a camera) and the state of the connection to them.
 * The tiles carry that state and the decoded frame count as data attributes for the browser test.
 */
export function VideoGrid({
  you,
  local,
  peers,
  remote,
  stats,
}: {
  you: RoomPeer;
  local: MediaStream | null;
  peers: RoomPeer[];
  remote: Record<string, MediaStream>;
  stats: Record<string, LinkStat>;
}) {
  const { t, te } = useI18n();
  if (!local && peers.length === 0) return <Empty description={t('mediation.room.noVideo')} />;
  return (
    <Row gutter={[8, 8]}>
      {local ? (
        <Col xs={12}>
          <figure style={{ margin: 0, position: 'relative' }} data-testid="local-tile">
            <Video stream={local} muted />
            <figcaption style={caption}>{t('mediation.room.self', { name: you.name })}</figcaption>
          </figure>
        </Col>
      ) : null}
      {peers.map((p) => {
        const s = stats[p.id];
        const stream = remote[p.id];
        return (
          <Col xs={12} key={p.id}>
            <figure
              style={{ margin: 0, position: 'relative' }}
              data-testid="peer-tile"
              data-peer={p.id}
              data-connection={s?.state ?? 'new'}
              data-frames-decoded={s?.framesDecoded ?? 0}
              data-video={stream ? 'yes' : 'no'}
              data-signaling={s?.signaling}
              data-ice={s?.ice}
            >
              {stream ? <Video stream={stream} /> : <div style={frame} />}
              <figcaption style={caption}>
                {p.name} · {te('mediation.e.connection', s?.state ?? 'new')}
                {stream ? '' : ` · ${t('mediation.room.cameraOff')}`}
              </figcaption>
            </figure>
          </Col>
        );
      })}
    </Row>
  );
}
