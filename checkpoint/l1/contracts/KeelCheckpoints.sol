// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @title Keel checkpoints
/// @notice Anchors one Keel L2 chain's finalized blocks to this L1. A checkpoint is accepted
/// only when at least `threshold` distinct members of the current validator set signed it,
/// and only when its height range continues the previous checkpoint's. The embedded L1
/// simulator (dev.keel.checkpoint.sim) implements these same rules in Java; the conformance
/// tests run one case table against both, so keep them in step.
contract KeelCheckpoints {
    /// What validators sign. abi.encode of this struct is nine 32-byte words with the tag.
    struct Checkpoint {
        uint64 chainId;              // the L2 chain this checkpoint is about
        uint64 epoch;                // validator-set epoch that signed it
        uint64 firstHeight;          // first L2 height covered
        uint64 lastHeight;           // last L2 height covered
        bytes32 lastBlockHash;       // hash of the block at lastHeight
        bytes32 blocksRoot;          // Merkle root over the range's block hashes
        bytes32 stateRoot;           // application state root after lastHeight
        bytes32 nextValidatorSetHash; // validator set for the next range (= current if unchanged)
    }

    /// One accepted checkpoint: what it said and where it landed on this chain.
    struct Anchor {
        bytes32 digest;
        uint64 lastHeight;
        uint64 l1Block;
    }

    bytes32 public constant CHECKPOINT_TAG = keccak256("keel.checkpoint.v1");
    bytes32 public constant VALIDATOR_SET_TAG = keccak256("keel.validator-set.v1");
    /// secp256k1n / 2: a signature with a larger s is the malleated twin of a valid one.
    uint256 private constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    uint64 public immutable l2ChainId;
    uint64 public epoch;
    uint256 public threshold;
    bytes32 public validatorSetHash;
    /// The set the latest checkpoint announced for the next range; a set update must match it.
    bytes32 public nextValidatorSetHash;
    address[] private members;
    mapping(address => bool) public isValidator;

    uint64 public checkpointCount;
    uint64 public lastHeight;
    mapping(uint64 => Anchor) private anchors;

    event CheckpointAccepted(uint64 indexed number, uint64 indexed epoch, uint64 firstHeight, uint64 lastHeight,
        bytes32 lastBlockHash, bytes32 digest);
    event ValidatorSetUpdated(uint64 indexed epoch, address[] validators, uint256 threshold, bytes32 setHash);

    error WrongChain(uint64 expected, uint64 got);
    error WrongEpoch(uint64 expected, uint64 got);
    error NotContiguous(uint64 expectedFirstHeight, uint64 gotFirstHeight);
    error EmptyRange(uint64 firstHeight, uint64 lastHeight);
    error BadSignatureLength(uint256 length);
    error TooFewSignatures(uint256 got, uint256 needed);
    error BadSignature(uint256 index);
    error SignersNotSorted(uint256 index);
    error UnknownSigner(uint256 index, address signer);
    error BadValidatorSet();
    error UnannouncedValidatorSet(bytes32 announced, bytes32 got);

    constructor(uint64 chainId_, address[] memory validators_, uint256 threshold_) {
        l2ChainId = chainId_;
        _setValidators(validators_, threshold_);
        nextValidatorSetHash = validatorSetHash;
    }

    /// Accepts the next checkpoint. `signatures` is 65-byte (r, s, v) signatures packed back to
    /// back, ordered by strictly increasing signer address (so no signer counts twice).
    function submitCheckpoint(Checkpoint calldata cp, bytes calldata signatures) external returns (uint64 number) {
        if (cp.chainId != l2ChainId) revert WrongChain(l2ChainId, cp.chainId);
        if (cp.epoch != epoch) revert WrongEpoch(epoch, cp.epoch);
        if (cp.firstHeight != lastHeight + 1) revert NotContiguous(lastHeight + 1, cp.firstHeight);
        if (cp.lastHeight < cp.firstHeight) revert EmptyRange(cp.firstHeight, cp.lastHeight);
        bytes32 digest = checkpointDigest(cp);
        _requireQuorum(digest, signatures);

        number = checkpointCount + 1;
        checkpointCount = number;
        lastHeight = cp.lastHeight;
        anchors[number] = Anchor(digest, cp.lastHeight, uint64(block.number));
        if (cp.nextValidatorSetHash != nextValidatorSetHash) nextValidatorSetHash = cp.nextValidatorSetHash;
        emit CheckpointAccepted(number, cp.epoch, cp.firstHeight, cp.lastHeight, cp.lastBlockHash, digest);
    }

    /// Replaces the validator set with the one the latest checkpoint announced, signed by the
    /// current set over (tag, chain, epoch + 1, validators, threshold). Starts the next epoch.
    function updateValidators(address[] calldata validators_, uint256 threshold_, bytes calldata signatures) external {
        bytes32 setHash = keccak256(abi.encode(validators_, threshold_));
        if (setHash != nextValidatorSetHash || setHash == validatorSetHash) {
            revert UnannouncedValidatorSet(nextValidatorSetHash, setHash);
        }
        bytes32 digest = keccak256(abi.encode(VALIDATOR_SET_TAG, l2ChainId, epoch + 1, validators_, threshold_));
        _requireQuorum(digest, signatures);
        _setValidators(validators_, threshold_);
        epoch = epoch + 1;
        emit ValidatorSetUpdated(epoch, validators_, threshold_, setHash);
    }

    /// The digest validators sign; exposed so clients can check their encoding against this contract.
    function checkpointDigest(Checkpoint calldata cp) public pure returns (bytes32) {
        return keccak256(abi.encode(CHECKPOINT_TAG, cp));
    }

    function latest() external view returns (uint64 number, uint64 height, bytes32 digest) {
        number = checkpointCount;
        height = lastHeight;
        digest = anchors[number].digest;
    }

    function anchor(uint64 number) external view returns (bytes32 digest, uint64 height, uint64 l1Block) {
        Anchor storage a = anchors[number];
        return (a.digest, a.lastHeight, a.l1Block);
    }

    function validators() external view returns (address[] memory) {
        return members;
    }

    function _requireQuorum(bytes32 digest, bytes calldata signatures) private view {
        if (signatures.length % 65 != 0) revert BadSignatureLength(signatures.length);
        uint256 count = signatures.length / 65;
        if (count < threshold) revert TooFewSignatures(count, threshold);
        address previous = address(0);
        for (uint256 i = 0; i < count; i++) {
            bytes32 r;
            bytes32 s;
            uint8 v;
            assembly {
                let p := add(signatures.offset, mul(i, 65))
                r := calldataload(p)
                s := calldataload(add(p, 32))
                v := byte(0, calldataload(add(p, 64)))
            }
            if ((v != 27 && v != 28) || uint256(s) > HALF_N) revert BadSignature(i);
            address signer = ecrecover(digest, v, r, s);
            if (signer == address(0)) revert BadSignature(i);
            if (signer <= previous) revert SignersNotSorted(i);
            if (!isValidator[signer]) revert UnknownSigner(i, signer);
            previous = signer;
        }
    }

    function _setValidators(address[] memory validators_, uint256 threshold_) private {
        if (validators_.length == 0 || threshold_ == 0 || threshold_ > validators_.length) revert BadValidatorSet();
        for (uint256 i = 0; i < members.length; i++) isValidator[members[i]] = false;
        address previous = address(0);
        for (uint256 i = 0; i < validators_.length; i++) {
            if (validators_[i] <= previous) revert BadValidatorSet();
            isValidator[validators_[i]] = true;
            previous = validators_[i];
        }
        members = validators_;
        threshold = threshold_;
        validatorSetHash = keccak256(abi.encode(validators_, threshold_));
    }
}
