// The browser side of the video room, without any framework: one RTCPeerConnection per other
// participant (a mesh, fine for the handful of people in a mediation), signalling through the
// server's WebSocket: a newcomer calls those already there and they answer, so no two offers
// cross; "perfect negotiation" covers any later renegotiation (an ICE restart). Chat and share
// notices too. The web screen and the browser test both use this file.

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
  settingAnswer: boolean;
}

export class RoomClient {
  readonly links = new Map<string, Link>();
  me: RoomPeer | null = null;
  private ws: WebSocket | null = null;
  private inbox: Promise<void> = Promise.resolve();
  /** who joined after us: their link is made when their offer arrives */
  private readonly known = new Map<string, RoomPeer>();
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
      // one message at a time, in order: an ICE candidate handled while its offer is still being
      // applied is refused by the browser and lost (the connection then stays 'new')
      ws.onmessage = (e) => {
        this.inbox = this.inbox
          .then(() => handle(JSON.parse(String(e.data))))
          .catch((err) => console.warn('room message', err));
      };
      const handle = async (msg: any) => {
        if (msg.type === 'welcome') {
          this.me = msg.you;
          this.iceServers = msg.iceServers ?? [];
          this.events.onPeers?.(msg.peers);
          this.events.onRecording?.(msg.recording);
          resolve(msg.you);
          // the newcomer calls everyone already there; they answer (no two offers cross)
          for (const p of msg.peers as RoomPeer[]) this.link(p, true);
        } else if (msg.type === 'peer-joined') {
          this.known.set(msg.peer.id, msg.peer);
          this.events.onPeerJoined?.(msg.peer);
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

  /** `calling`: this side makes the first offer; without a camera it still asks to receive. */
  private link(peer: RoomPeer, calling = false): Link {
    const existing = this.links.get(peer.id);
    if (existing) return existing;
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const l: Link = {
      peer,
      pc,
      polite: (this.me?.id ?? '') < peer.id,
      makingOffer: false,
      ignoreOffer: false,
      settingAnswer: false,
    };
    this.links.set(peer.id, l);
    for (const track of this.stream?.getTracks() ?? []) pc.addTrack(track, this.stream!);
    if (calling && !this.stream)
      for (const kind of ['audio', 'video']) pc.addTransceiver(kind, { direction: 'recvonly' });
    pc.ontrack = (e) => this.events.onRemoteStream?.(peer, e.streams[0] ?? new MediaStream([e.track]));
    pc.onicecandidate = (e) => this.send({ type: 'signal', to: peer.id, data: { candidate: e.candidate } });
    this.watch(l, 5);
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

  /**
   * A connection that never starts checking (its candidates lost when both sides offered at once)
   * or that failed gets an ICE restart: new credentials, candidates gathered and sent again. The
   * impolite side tries first; the polite one later, should the other have gone quiet.
   */
  private watch(l: Link, tries: number) {
    setTimeout(
      () => {
        if (this.links.get(l.peer.id) !== l || tries <= 0) return;
        const { connectionState: state } = l.pc;
        if (state === 'connected' || state === 'closed') return;
        if ((state === 'new' || state === 'failed') && l.pc.remoteDescription) l.pc.restartIce();
        this.watch(l, tries - 1);
      },
      l.polite ? 12_000 : 8_000,
    );
  }

  private async onSignal(
    from: string,
    data: { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit | null },
  ) {
    const l = this.links.get(from) ?? this.link(this.known.get(from) ?? { id: from, name: '', kind: '' });
    const { pc } = l;
    if (data.description) {
      // "perfect negotiation" as the WebRTC spec's example has it
      const ready = !l.makingOffer && (pc.signalingState === 'stable' || l.settingAnswer);
      const collision = data.description.type === 'offer' && !ready;
      l.ignoreOffer = !l.polite && collision;
      if (l.ignoreOffer) return;
      l.settingAnswer = data.description.type === 'answer';
      try {
        await pc.setRemoteDescription(data.description);
      } finally {
        l.settingAnswer = false;
      }
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
