// The browser side of the video room, without any framework: one RTCPeerConnection per other
// participant (a mesh, fine for the handful of people in a mediation), signalling through the
// server's WebSocket, "perfect negotiation" so either side may start, chat and share notices.
// The web screen and the browser test both use this file.

export interface RoomPeer {
  id: string;
  name: string;
  kind: string;
}

export interface RoomEvents {
  onPeers?(peers: RoomPeer[]): void;
  onPeerJoined?(peer: RoomPeer): void;
  onRemoteStream?(peer: RoomPeer, stream: MediaStream): void;
  onPeerLeft?(id: string): void;
  onChat?(m: { id: string; from: string; name: string; text: string; at: string }): void;
  onShare?(m: { from: string; state: string; title: string | null }): void;
  onRecording?(m: {
    state: string;
    allowed: boolean;
    consents: { id: string; name: string; consent: boolean }[];
  }): void;
  onError?(rule: string): void;
  onClose?(code: number): void;
}

interface Link {
  peer: RoomPeer;
  pc: RTCPeerConnection;
  polite: boolean;
  makingOffer: boolean;
  ignoreOffer: boolean;
}

export class RoomClient {
  readonly links = new Map<string, Link>();
  me: RoomPeer | null = null;
  private ws: WebSocket | null = null;
  private iceServers: RTCIceServer[] = [];
  private readonly url: string;
  private readonly stream: MediaStream | null;
  private readonly events: RoomEvents;

  constructor(url: string, stream: MediaStream | null, events: RoomEvents = {}) {
    this.url = url;
    this.stream = stream;
    this.events = events;
  }

  /** Connects and resolves once the server has admitted us. */
  join(): Promise<RoomPeer> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      this.ws = ws;
      ws.onclose = (e) => {
        this.events.onClose?.(e.code);
        reject(new Error(`closed ${e.code}`));
      };
      ws.onmessage = async (e) => {
        const msg = JSON.parse(String(e.data));
        if (msg.type === 'welcome') {
          this.me = msg.you;
          this.iceServers = msg.iceServers ?? [];
          this.events.onPeers?.(msg.peers);
          this.events.onRecording?.(msg.recording);
          resolve(msg.you);
          // the newcomer calls everyone already there
          for (const p of msg.peers as RoomPeer[]) this.link(p);
        } else if (msg.type === 'peer-joined') {
          this.events.onPeerJoined?.(msg.peer);
          this.link(msg.peer);
        } else if (msg.type === 'peer-left') this.drop(msg.id);
        else if (msg.type === 'signal') await this.onSignal(msg.from, msg.data);
        else if (msg.type === 'chat') this.events.onChat?.(msg);
        else if (msg.type === 'share') this.events.onShare?.(msg);
        else if (msg.type === 'recording') this.events.onRecording?.(msg);
        else if (msg.type === 'error') this.events.onError?.(msg.rule);
      };
    });
  }

  chat(text: string) {
    this.send({ type: 'chat', text });
  }
  share(state: 'screen' | 'document' | 'off', title?: string) {
    this.send({ type: 'share', state, title });
  }
  consentToRecording(consent: boolean) {
    this.send({ type: 'recording-consent', consent });
  }
  startRecording() {
    this.send({ type: 'recording-start' });
  }
  stopRecording() {
    this.send({ type: 'recording-stop' });
  }

  /** Replaces the outgoing video (camera ⇄ screen) on every connection. */
  async replaceVideo(track: MediaStreamTrack) {
    for (const l of this.links.values()) {
      const sender = l.pc.getSenders().find((s) => s.track?.kind === 'video');
      await sender?.replaceTrack(track);
    }
  }

  leave() {
    for (const id of [...this.links.keys()]) this.drop(id);
    this.ws?.close(1000);
  }

  private send(msg: object) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private link(peer: RoomPeer): Link {
    const existing = this.links.get(peer.id);
    if (existing) return existing;
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const l: Link = {
      peer,
      pc,
      polite: (this.me?.id ?? '') < peer.id,
      makingOffer: false,
      ignoreOffer: false,
    };
    this.links.set(peer.id, l);
    for (const track of this.stream?.getTracks() ?? []) pc.addTrack(track, this.stream!);
    pc.ontrack = (e) => this.events.onRemoteStream?.(peer, e.streams[0] ?? new MediaStream([e.track]));
    pc.onicecandidate = (e) => this.send({ type: 'signal', to: peer.id, data: { candidate: e.candidate } });
    pc.onnegotiationneeded = async () => {
      try {
        l.makingOffer = true;
        await pc.setLocalDescription();
        this.send({ type: 'signal', to: peer.id, data: { description: pc.localDescription } });
      } finally {
        l.makingOffer = false;
      }
    };
    return l;
  }

  private async onSignal(
    from: string,
    data: { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit | null },
  ) {
    const l = this.links.get(from) ?? this.link({ id: from, name: '', kind: '' });
    const { pc } = l;
    if (data.description) {
      const collision =
        data.description.type === 'offer' && (l.makingOffer || pc.signalingState !== 'stable');
      l.ignoreOffer = !l.polite && collision;
      if (l.ignoreOffer) return;
      await pc.setRemoteDescription(data.description);
      if (data.description.type === 'offer') {
        await pc.setLocalDescription();
        this.send({ type: 'signal', to: from, data: { description: pc.localDescription } });
      }
    } else if (data.candidate !== undefined) {
      try {
        await pc.addIceCandidate(data.candidate ?? undefined);
      } catch (e) {
        if (!l.ignoreOffer) throw e;
      }
    }
  }

  private drop(id: string) {
    this.links.get(id)?.pc.close();
    this.links.delete(id);
    this.events.onPeerLeft?.(id);
  }
}
